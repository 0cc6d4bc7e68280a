import type { ComponentType } from 'react';
import type { SvgIconComponent } from '@mui/icons-material';
import TravelExploreIcon from '@mui/icons-material/TravelExplore';
import type en from '../i18n/en.json';
import { ExploreScreen } from '../explore/ExploreScreen';

/** One screen of the workbench as the navigation rail shows it. */
export interface FeatureEntry {
  id: string;
  /** Key under `nav` in the i18n resources. */
  labelKey: `nav.${keyof typeof en.nav}`;
  icon: SvgIconComponent;
  Screen: ComponentType;
}

/**
 * The screens in rail order. A new feature folder (rings, cases, review, outbox, …) adds its
 * screen here and its label under `nav` in i18n/en.json; the shell needs no other change.
 */
export const FEATURES: readonly FeatureEntry[] = [{ id: 'explore', labelKey: 'nav.explore', icon: TravelExploreIcon, Screen: ExploreScreen }];
