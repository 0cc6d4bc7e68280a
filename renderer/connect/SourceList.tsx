import ScienceOutlinedIcon from '@mui/icons-material/ScienceOutlined';
import StorageIcon from '@mui/icons-material/Storage';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedConnection } from '../../main/api';

export interface SourceListProps {
  connections: SavedConnection[];
  demoActive: boolean;
  activeConnectionId: string | null;
  editingId: string | null;
  busy: boolean;
  onUseDemo(): void;
  onConnect(connection: SavedConnection): void;
  onEdit(connection: SavedConnection): void;
  onRemove(connection: SavedConnection): void;
}

function SourceCard({ icon, title, active, children, actions, testId, highlighted }: { icon: ReactNode; title: string; active: boolean; children: ReactNode; actions: ReactNode; testId: string; highlighted?: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" data-testid={testId} sx={{ p: 1.5, borderColor: active || highlighted ? 'primary.main' : 'divider', borderWidth: active ? 2 : 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        <Box sx={{ color: active ? 'primary.main' : 'text.secondary', display: 'flex' }}>{icon}</Box>
        <Typography variant="subtitle2" sx={{ flex: 1, minWidth: 0 }} noWrap>
          {title}
        </Typography>
        {active && <Chip size="small" color="primary" label={t('connect.active')} data-testid="active-badge" />}
      </Stack>
      {children}
      {actions && (
        <Stack direction="row" spacing={0.5} sx={{ mt: 1 }}>
          {actions}
        </Stack>
      )}
    </Paper>
  );
}

/** The sources to choose from: the embedded demo graph first, then the saved Neo4j connections. */
export function SourceList({ connections, demoActive, activeConnectionId, editingId, busy, onUseDemo, onConnect, onEdit, onRemove }: SourceListProps) {
  const { t } = useTranslation();
  return (
    <Stack spacing={1.5}>
      <SourceCard
        testId="demo-source"
        icon={<ScienceOutlinedIcon fontSize="small" />}
        title={t('connect.demo.title')}
        active={demoActive}
        actions={
          !demoActive && (
            <Button size="small" variant="contained" disabled={busy} onClick={onUseDemo} data-testid="use-demo">
              {t('connect.demo.use')}
            </Button>
          )
        }
      >
        <Typography variant="body2" color="text.secondary">
          {t('connect.demo.description')}
        </Typography>
      </SourceCard>
      <Typography variant="overline" color="text.secondary" sx={{ pt: 1 }}>
        {t('connect.saved.title')}
      </Typography>
      {connections.length === 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="no-saved-connections">
          {t('connect.saved.empty')}
        </Typography>
      )}
      {connections.map((connection) => (
        <SourceCard
          key={connection.id}
          testId="saved-connection"
          icon={<StorageIcon fontSize="small" />}
          title={connection.name}
          active={connection.id === activeConnectionId}
          highlighted={connection.id === editingId}
          actions={
            <>
              <Button size="small" variant="contained" disabled={busy || connection.id === activeConnectionId} onClick={() => onConnect(connection)}>
                {t('connect.saved.connect')}
              </Button>
              <Button size="small" disabled={busy} onClick={() => onEdit(connection)}>
                {t('connect.saved.edit')}
              </Button>
              <Button size="small" color="error" disabled={busy} onClick={() => onRemove(connection)}>
                {t('connect.saved.remove')}
              </Button>
            </>
          }
        >
          <Typography variant="body2" sx={{ fontFamily: 'monospace', fontSize: 12 }} noWrap>
            {connection.uri}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div">
            {t('connect.saved.details', { user: connection.user, database: connection.database ?? t('connect.saved.defaultDatabase') })}
            {connection.hasStoredPassword && ` · ${t('connect.saved.passwordStored')}`}
            {connection.schemaMappingInvalidFields.length > 0 && ` · ${t('connect.saved.mappingInvalid', { fields: connection.schemaMappingInvalidFields.join(', ') })}`}
          </Typography>
        </SourceCard>
      ))}
    </Stack>
  );
}
