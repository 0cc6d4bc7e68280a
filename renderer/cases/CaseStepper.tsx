import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../main/api';

/** The four steps a case goes through; approved and rejected share the decision step. */
const STEPS = ['open', 'in_review', 'decision', 'closed'] as const;

function stepIndex(status: CaseStatus): number {
  if (status === 'approved' || status === 'rejected') return 2;
  return STEPS.indexOf(status);
}

/** Where the case stands: open → in review → approved / rejected → closed. */
export function CaseStepper({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  const active = stepIndex(status);
  return (
    <Stepper activeStep={status === 'closed' ? STEPS.length : active} alternativeLabel data-testid="case-stepper" sx={{ py: 1 }}>
      {STEPS.map((step, index) => (
        <Step key={step} completed={index < active || status === 'closed'}>
          <StepLabel error={step === 'decision' && status === 'rejected'}>
            {step === 'decision' ? t(status === 'approved' || status === 'rejected' ? `cases.status.${status}` : 'cases.steps.decision') : t(`cases.status.${step}`)}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}
