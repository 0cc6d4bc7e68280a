import type { KeyCertificate } from '../../api';
import { keyFingerprint, publicKeyOf, signCanonical, verifyCanonical } from './signing';

/** The team key vouches that `publicKey` belongs to `subject` in `role` (run by whoever holds the team's private key). */
export function certifyKey(teamPrivateKeyPem: string, subject: string, publicKey: string, role: KeyCertificate['role'], issuedAt: string): KeyCertificate {
  const unsigned = { subject, publicKey, role, issuedAt, teamKey: keyFingerprint(publicKeyOf(teamPrivateKeyPem)) };
  return { ...unsigned, signature: signCanonical(teamPrivateKeyPem, unsigned) };
}

/** Why a certificate does not hold under this team key (a reason code), or null when it does. */
export function certificateProblem(certificate: KeyCertificate, teamPublicKey: string | null): 'no_team_key' | 'other_team_key' | 'bad_certificate_signature' | null {
  if (!teamPublicKey) return 'no_team_key';
  if (certificate.teamKey !== keyFingerprint(teamPublicKey)) return 'other_team_key';
  const { signature, ...unsigned } = certificate;
  return verifyCanonical(teamPublicKey, unsigned, signature) ? null : 'bad_certificate_signature';
}
