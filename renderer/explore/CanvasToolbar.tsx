import { useFormat } from '../i18n/format';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import BookmarkAddIcon from '@mui/icons-material/BookmarkAdd';
import BubbleChartIcon from '@mui/icons-material/BubbleChart';
import CallSplitIcon from '@mui/icons-material/CallSplit';
import CloseFullscreenIcon from '@mui/icons-material/CloseFullscreen';
import DeleteIcon from '@mui/icons-material/Delete';
import DownloadIcon from '@mui/icons-material/Download';
import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import GroupWorkIcon from '@mui/icons-material/GroupWork';
import HubIcon from '@mui/icons-material/Hub';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import OpenInFullIcon from '@mui/icons-material/OpenInFull';
import PushPinIcon from '@mui/icons-material/PushPin';
import PushPinOutlinedIcon from '@mui/icons-material/PushPinOutlined';
import RedoIcon from '@mui/icons-material/Redo';
import SaveIcon from '@mui/icons-material/Save';
import ShareIcon from '@mui/icons-material/Share';
import UndoIcon from '@mui/icons-material/Undo';
import UnfoldMoreIcon from '@mui/icons-material/UnfoldMore';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import WorkspacesOutlinedIcon from '@mui/icons-material/WorkspacesOutlined';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import Tooltip from '@mui/material/Tooltip';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandLabel } from '../graph/canvas-model';
import { LAYOUT_KINDS, type LayoutKind } from '../graph/graph-view';
import type { RecentWorkspace } from './use-workspace';

export const EXPORT_SCALES = [1, 2, 4] as const;

export interface CanvasToolbarProps {
  empty: boolean;
  selectionCount: number;
  hiddenCount: number;
  canUndo: boolean;
  canRedo: boolean;
  /** The label key of the step undo/redo would revert/repeat. */
  undoLabel: CommandLabel | null;
  redoLabel: CommandLabel | null;
  onUndo(): void;
  onRedo(): void;
  onLayout(kind: LayoutKind, onSelection: boolean): void;
  onHide(): void;
  onRemove(): void;
  onShowHidden(): void;
  onPin(pinned: boolean): void;
  onGroup(): void;
  onGroupByIdentifier(): void;
  onGroupByCommunity(): void;
  onUngroup(): void;
  /** Whether any group is drawn (collapse and expand act on the selected groups, or on all). */
  hasGroups: boolean;
  onCollapseGroups(collapsed: boolean): void;
  onExpandSelected(): void;
  onSelectNeighbours(): void;
  onSave(): void;
  /** Keeps the canvas as a named view of a case. */
  onSaveToCase(): void;
  onOpen(): void;
  recent: readonly RecentWorkspace[];
  onOpenRecent(recent: RecentWorkspace): void;
  onExportPng(scale: number): void;
  onExportSvg(): void;
  onExportCsv(): void;
  onShortcuts(): void;
}

/** The canvas's editing toolbar: history, layouts, selection edits, workspace and export. */
export function CanvasToolbar(props: CanvasToolbarProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [layoutAnchor, setLayoutAnchor] = useState<HTMLElement | null>(null);
  const [exportAnchor, setExportAnchor] = useState<HTMLElement | null>(null);
  const [openAnchor, setOpenAnchor] = useState<HTMLElement | null>(null);
  const [onSelection, setOnSelection] = useState(false);
  const none = props.selectionCount === 0;
  const button = (label: string, icon: ReactNode, onClick: (event: React.MouseEvent<HTMLElement>) => void, disabled = false, testId?: string) => (
    <Tooltip title={label}>
      <span>
        <IconButton aria-label={label} onClick={onClick} disabled={disabled} data-testid={testId} size="small">
          {icon}
        </IconButton>
      </span>
    </Tooltip>
  );
  const divider = <Divider orientation="vertical" flexItem sx={{ mx: 0.5, my: 0.5 }} />;
  return (
    <Box role="toolbar" aria-label={t('canvas.toolbar')} sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', px: 1, py: 0.25, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      {button(props.undoLabel ? t('canvas.undoWhat', { what: t(`canvas.command.${props.undoLabel}`) }) : t('canvas.undo'), <UndoIcon fontSize="small" />, props.onUndo, !props.canUndo, 'canvas-undo')}
      {button(props.redoLabel ? t('canvas.redoWhat', { what: t(`canvas.command.${props.redoLabel}`) }) : t('canvas.redo'), <RedoIcon fontSize="small" />, props.onRedo, !props.canRedo, 'canvas-redo')}
      {divider}
      {button(t('canvas.layout.menu'), <AccountTreeIcon fontSize="small" />, (event) => setLayoutAnchor(event.currentTarget), props.empty, 'canvas-layout')}
      <Menu anchorEl={layoutAnchor} open={layoutAnchor !== null} onClose={() => setLayoutAnchor(null)}>
        <ListSubheader>{t('canvas.layout.menu')}</ListSubheader>
        {LAYOUT_KINDS.map((kind) => (
          <MenuItem
            key={kind}
            data-testid={`layout-${kind}`}
            onClick={() => {
              setLayoutAnchor(null);
              props.onLayout(kind, onSelection && !none);
            }}
          >
            {t(`canvas.layout.${kind}`)}
          </MenuItem>
        ))}
        <Divider />
        <Box sx={{ px: 2 }}>
          <FormControlLabel control={<Switch size="small" checked={onSelection && !none} disabled={none} onChange={(event) => setOnSelection(event.target.checked)} />} label={t('canvas.layout.onSelection')} />
        </Box>
      </Menu>
      {divider}
      {button(t('canvas.expandSelected'), <UnfoldMoreIcon fontSize="small" />, props.onExpandSelected, none, 'canvas-expand-selected')}
      {button(t('canvas.selectNeighbours'), <ShareIcon fontSize="small" />, props.onSelectNeighbours, none, 'canvas-select-neighbours')}
      {button(t('canvas.hide'), <VisibilityOffIcon fontSize="small" />, props.onHide, none, 'canvas-hide')}
      {button(t('canvas.showHidden', { count: props.hiddenCount }), <VisibilityIcon fontSize="small" />, props.onShowHidden, props.hiddenCount === 0, 'canvas-show-hidden')}
      {button(t('canvas.remove'), <DeleteIcon fontSize="small" />, props.onRemove, none, 'canvas-remove')}
      {button(t('canvas.pin'), <PushPinIcon fontSize="small" />, () => props.onPin(true), none, 'canvas-pin')}
      {button(t('canvas.unpin'), <PushPinOutlinedIcon fontSize="small" />, () => props.onPin(false), none, 'canvas-unpin')}
      {divider}
      {button(t('canvas.group'), <GroupWorkIcon fontSize="small" />, props.onGroup, props.selectionCount < 2, 'canvas-group')}
      {button(t('canvas.groupByIdentifier'), <HubIcon fontSize="small" />, props.onGroupByIdentifier, props.empty, 'canvas-group-by-identifier')}
      {button(t('canvas.groupByCommunity'), <BubbleChartIcon fontSize="small" />, props.onGroupByCommunity, props.empty, 'canvas-group-by-community')}
      {button(t('canvas.ungroup'), <CallSplitIcon fontSize="small" />, props.onUngroup, none, 'canvas-ungroup')}
      {button(t('canvas.groups.collapse'), <CloseFullscreenIcon fontSize="small" />, () => props.onCollapseGroups(true), !props.hasGroups, 'canvas-collapse-groups')}
      {button(t('canvas.groups.expand'), <OpenInFullIcon fontSize="small" />, () => props.onCollapseGroups(false), !props.hasGroups, 'canvas-expand-groups')}
      <Box sx={{ flex: 1 }} />
      {button(t('canvas.workspace.save'), <SaveIcon fontSize="small" />, props.onSave, props.empty, 'workspace-save')}
      {button(t('caseViews.save.button'), <BookmarkAddIcon fontSize="small" />, props.onSaveToCase, props.empty, 'save-view-to-case')}
      {button(t('canvas.workspace.open'), <FolderOpenIcon fontSize="small" />, (event) => (props.recent.length > 0 ? setOpenAnchor(event.currentTarget) : props.onOpen()), false, 'workspace-open')}
      <Menu anchorEl={openAnchor} open={openAnchor !== null} onClose={() => setOpenAnchor(null)}>
        <MenuItem
          data-testid="workspace-open-file"
          onClick={() => {
            setOpenAnchor(null);
            props.onOpen();
          }}
        >
          <WorkspacesOutlinedIcon fontSize="small" sx={{ mr: 1 }} />
          {t('canvas.workspace.openFile')}
        </MenuItem>
        <ListSubheader>{t('canvas.workspace.recent')}</ListSubheader>
        {props.recent.map((recent) => (
          <MenuItem
            key={`${recent.name}-${recent.savedAt}`}
            data-testid="workspace-recent"
            onClick={() => {
              setOpenAnchor(null);
              props.onOpenRecent(recent);
            }}
          >
            {t('canvas.workspace.recentItem', { name: recent.name, savedAt: format.dateTime(recent.savedAt) })}
          </MenuItem>
        ))}
      </Menu>
      {button(t('canvas.export.menu'), <DownloadIcon fontSize="small" />, (event) => setExportAnchor(event.currentTarget), props.empty, 'canvas-export')}
      <Menu anchorEl={exportAnchor} open={exportAnchor !== null} onClose={() => setExportAnchor(null)}>
        {EXPORT_SCALES.map((scale) => (
          <MenuItem
            key={scale}
            data-testid={`export-png-${scale}`}
            onClick={() => {
              setExportAnchor(null);
              props.onExportPng(scale);
            }}
          >
            {t('canvas.export.png', { scale })}
          </MenuItem>
        ))}
        <MenuItem
          data-testid="export-svg"
          onClick={() => {
            setExportAnchor(null);
            props.onExportSvg();
          }}
        >
          {t('canvas.export.svg')}
        </MenuItem>
        <MenuItem
          data-testid="export-csv"
          disabled={none}
          onClick={() => {
            setExportAnchor(null);
            props.onExportCsv();
          }}
        >
          {t('canvas.export.csv')}
        </MenuItem>
      </Menu>
      {button(t('canvas.shortcuts.title'), <KeyboardIcon fontSize="small" />, props.onShortcuts, false, 'canvas-shortcuts')}
    </Box>
  );
}
