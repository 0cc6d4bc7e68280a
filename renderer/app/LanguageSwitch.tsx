import TranslateIcon from '@mui/icons-material/Translate';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGES } from '../i18n/i18n';

/** Picks the UI language; the choice is remembered, and until one is made the browser's (OS's) language applies. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const active = currentLanguage();
  return (
    <>
      <Tooltip title={t('language.label')}>
        <IconButton aria-label={t('language.label')} aria-haspopup="menu" onClick={(event) => setAnchor(event.currentTarget)} color="inherit" data-testid="language-switch">
          <TranslateIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {LANGUAGES.map((language) => (
          <MenuItem
            key={language}
            selected={language === active}
            lang={language}
            data-testid={`language-${language}`}
            onClick={() => {
              setAnchor(null);
              void changeLanguage(language);
            }}
          >
            {t(`language.names.${language}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
