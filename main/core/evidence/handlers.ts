import type { ApiHandlers } from '../api-handlers';
import type { EvidenceService } from './evidence-service';

/** The evidence Api area: export a case's package, verify a package in the exports folder. */
export function createEvidenceHandlers(evidence: EvidenceService): Pick<ApiHandlers, 'evidence'> {
  return {
    evidence: {
      export: async ({ caseId, includePii, locale }, context) => evidence.exportCase({ caseId, includePii, locale }, context),
      verify: async ({ fileName }) => evidence.verify(fileName),
    },
  };
}
