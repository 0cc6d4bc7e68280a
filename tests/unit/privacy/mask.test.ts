import { describe, expect, it } from 'vitest';
import { maskIdentifier, maskMappedIdentifier } from '../../../main/core/privacy/mask';

describe('maskIdentifier', () => {
  it('keeps only the country code and the last two digits of a phone number', () => {
    expect(maskIdentifier('phone', '+4915112345678')).toBe('+49 ••• ••• 78');
    expect(maskIdentifier('phone', '0049 151 1234 5678')).toBe('+49 ••• ••• 78');
    expect(maskIdentifier('phone', '+14155550123')).toBe('+1 ••• ••• 23');
    expect(maskIdentifier('phone', '+35312345678')).toBe('+353 ••• ••• 78');
  });

  it('shows no country code for a national phone number', () => {
    expect(maskIdentifier('phone', '0151 1234 5678')).toBe('••• ••• 78');
  });

  it('masks all but the last 4 digits of a card number', () => {
    expect(maskIdentifier('card', '4532015112834242')).toBe('•••• •••• •••• 4242');
    expect(maskIdentifier('card', '4532 0151 1283 4242')).toBe('•••• •••• •••• 4242');
  });

  it('keeps the first letter and the domain of an e-mail address', () => {
    expect(maskIdentifier('email', 'john.doe@example.com')).toBe('j•••@example.com');
    expect(maskIdentifier('email', 'not-an-email')).toBe('•••');
  });

  it('keeps only postcode and city of an address', () => {
    expect(maskIdentifier('address', 'Lindenstraße 12, 10115 Berlin')).toBe('•••, 10115 Berlin');
    expect(maskIdentifier('address', 'Hauptstraße 7, Apt 2, 04103 Leipzig')).toBe('•••, 04103 Leipzig');
    expect(maskIdentifier('address', 'somewhere without a postcode')).toBe('•••');
  });

  it('hides the host part of an IP address but keeps its network', () => {
    expect(maskIdentifier('ip', '81.2.69.160')).toBe('81.2.69.•••');
    expect(maskIdentifier('ip', '2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3:•••');
  });

  it('leaves device ids readable: they identify an app installation, not a person', () => {
    expect(maskIdentifier('device', 'dev-9f3a12bc7d01')).toBe('dev-9f3a12bc7d01');
  });

  it('never lets more than the kept digits of a phone or card number through', () => {
    for (const [kind, value] of [['phone', '+4917012345678'], ['card', '5222221234567890']] as const) {
      const masked = maskIdentifier(kind, value);
      expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(4);
    }
  });

  it('masks a mapped entry by its kind, a team-defined kind to its last two characters, and shows an entry marked show as stored', () => {
    expect(maskMappedIdentifier({ kind: 'card', masking: 'mask' }, '4532015551234242')).toBe('•••• •••• •••• 4242');
    expect(maskMappedIdentifier({ kind: null, masking: 'mask' }, '0x52908400098527886E0F7030069857D2E4169EE7')).toBe('•••E7');
    // Short values would be given away by their last characters.
    expect(maskMappedIdentifier({ kind: null, masking: 'mask' }, 'A1B2')).toBe('•••');
    expect(maskMappedIdentifier({ kind: 'card', masking: 'show' }, '4532015551234242')).toBe('4532015551234242');
  });
});
