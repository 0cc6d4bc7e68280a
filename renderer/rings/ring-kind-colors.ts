import type { RingKind } from '../../main/api';

/** One colour per ring kind, for the kind chips (MUI palette names, so light and dark both work). */
export const RING_KIND_COLORS: Record<RingKind, 'secondary' | 'warning' | 'info' | 'error'> = {
  'shared-identity': 'secondary',
  'cash-out': 'warning',
  'laundering-cycle': 'error',
  'mule-fan-in': 'info',
};
