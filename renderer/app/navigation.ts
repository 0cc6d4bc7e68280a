import type { ComponentType } from 'react';
import type { SvgIconComponent } from '@mui/icons-material';
import BubbleChartIcon from '@mui/icons-material/BubbleChart';
import CableIcon from '@mui/icons-material/Cable';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import FolderOpenOutlinedIcon from '@mui/icons-material/FolderOpenOutlined';
import OutboxOutlinedIcon from '@mui/icons-material/OutboxOutlined';
import PolicyOutlinedIcon from '@mui/icons-material/PolicyOutlined';
import TravelExploreIcon from '@mui/icons-material/TravelExplore';
import type en from '../i18n/en.json';
import { AuditScreen } from '../audit/AuditScreen';
import { CasesScreen } from '../cases/CasesScreen';
import { ConnectScreen } from '../connect/ConnectScreen';
import { ExploreScreen } from '../explore/ExploreScreen';
import { OutboxScreen } from '../outbox/OutboxScreen';
import { ReviewScreen } from '../review/ReviewScreen';
import { RingsScreen } from '../rings/RingsScreen';

/** The Connect screen's id: the top bar's source chip opens it. */
export const CONNECT_SCREEN = 'connect';

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
export const FEATURES: readonly FeatureEntry[] = [
  { id: 'explore', labelKey: 'nav.explore', icon: TravelExploreIcon, Screen: ExploreScreen },
  { id: 'rings', labelKey: 'nav.rings', icon: BubbleChartIcon, Screen: RingsScreen },
  { id: 'cases', labelKey: 'nav.cases', icon: FolderOpenOutlinedIcon, Screen: CasesScreen },
  { id: 'review', labelKey: 'nav.review', icon: FactCheckOutlinedIcon, Screen: ReviewScreen },
  { id: 'outbox', labelKey: 'nav.outbox', icon: OutboxOutlinedIcon, Screen: OutboxScreen },
  { id: 'audit', labelKey: 'nav.audit', icon: PolicyOutlinedIcon, Screen: AuditScreen },
  { id: CONNECT_SCREEN, labelKey: 'nav.connect', icon: CableIcon, Screen: ConnectScreen },
];
