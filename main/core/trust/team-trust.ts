import { ApiError, type AuditEvent, type KeyCertificate } from '../../api';
import { auditSignedPart, type AuditDraft } from '../audit/audit-chain';
import { certificateProblem } from './certificate';
import type { KeyVault } from './key-vault';
import { generateSigningKeyPair, keyFingerprint, publicKeyOf, signCanonical } from './signing';

/** The audit actions that make up the team keyring (stored with the shared investigation state). */
export const KEY_REGISTERED = 'key.registered';
export const KEY_CERTIFIED = 'key.certified';

/** An investigator's key pair in use: signs with the private half, names the public half. */
export interface Signer {
  subject: string;
  publicKey: string;
  sign(value: unknown): string;
}

export interface TeamTrustOptions {
  /** The team key's public half, configured out of band (the scoring service holds the same); null: nobody is certified. */
  teamPublicKey: string | null;
  vault: KeyVault;
  /** The shared trail the keyring lives in. */
  auditTrail: { list(): Promise<AuditEvent[]>; record(draft: AuditDraft): Promise<unknown> };
}

/**
 * Keys and certificates: every investigator signs with a personal Ed25519 key (created on first
 * use and registered in the team keyring); who is a team lead is decided by certificates the team
 * key signed, never by a name from configuration.
 */
export class TeamTrust {
  private teamKey: string | null;

  constructor(private readonly options: TeamTrustOptions) {
    this.teamKey = options.teamPublicKey;
  }

  get teamPublicKey(): string | null {
    return this.teamKey;
  }

  /** The team key certificates are checked against: the configured one, or the demo key on the embedded graph. */
  useTeamKey(publicKey: string | null): void {
    this.teamKey = publicKey;
  }

  /** The investigator's signer, creating and registering the key pair on first use. */
  async signerFor(subject: string): Promise<Signer> {
    let privateKeyPem = await this.options.vault.load(subject);
    if (!privateKeyPem) {
      await this.options.vault.save(subject, generateSigningKeyPair().privateKeyPem);
      privateKeyPem = await this.options.vault.load(subject);
      if (!privateKeyPem) throw new Error(`The signing key of ${subject} could not be kept`);
    }
    const pem = privateKeyPem;
    const signer: Signer = { subject, publicKey: publicKeyOf(pem), sign: (value) => signCanonical(pem, value) };
    const keyring = await this.keyring();
    if (!keyring.registered.some((entry) => entry.subject === subject && entry.publicKey === signer.publicKey)) {
      // Signed by the key it registers: whoever registers a key holds its private half.
      const event = { actor: subject, action: KEY_REGISTERED, caseId: null, details: { subject, publicKey: signer.publicKey, fingerprint: keyFingerprint(signer.publicKey) } };
      await this.options.auditTrail.record({ ...event, actorKey: signer.publicKey, signature: signer.sign(auditSignedPart(event)) });
    }
    return signer;
  }

  /** Adds a certificate the team key signed to the keyring; one the team key did not sign is refused. */
  async addCertificate(certificate: KeyCertificate, actor: string): Promise<void> {
    const problem = certificateProblem(certificate, this.teamKey);
    if (problem) throw new ApiError('forbidden', `The certificate is not valid for this team: ${problem}`, { reason: 'certificate_invalid' });
    await this.options.auditTrail.record({ actor, action: KEY_CERTIFIED, details: { certificate } });
  }

  /** The valid certificate of this key for this subject, if the keyring holds one. */
  async certificateOf(subject: string, publicKey: string): Promise<KeyCertificate | null> {
    const { certificates } = await this.keyring();
    return certificates.findLast((certificate) => certificate.subject === subject && certificate.publicKey === publicKey) ?? null;
  }

  /** Whether the subject's current key holds a team-lead certificate. */
  async isTeamLead(subject: string): Promise<boolean> {
    const privateKeyPem = await this.options.vault.load(subject);
    if (!privateKeyPem) return false;
    return (await this.certificateOf(subject, publicKeyOf(privateKeyPem)))?.role === 'team_lead';
  }

  /** The key `subject` registered last (their current one), or null when they never started RingScope on this store. */
  async registeredKeyOf(subject: string): Promise<string | null> {
    return (await this.keyring()).registered.findLast((entry) => entry.subject === subject)?.publicKey ?? null;
  }

  /** Whether `publicKey` was registered by `subject` in the team keyring. */
  async isRegistered(subject: string, publicKey: string): Promise<boolean> {
    return (await this.keyring()).registered.some((entry) => entry.subject === subject && entry.publicKey === publicKey);
  }

  private async keyring(): Promise<{ registered: { subject: string; publicKey: string }[]; certificates: KeyCertificate[] }> {
    const events = await this.options.auditTrail.list();
    const registered = events
      .filter((event) => event.action === KEY_REGISTERED)
      .map((event) => ({ subject: String(event.details.subject), publicKey: String(event.details.publicKey) }));
    // Re-checked on every read: a certificate written into the store by hand does not count.
    const certificates = events
      .filter((event) => event.action === KEY_CERTIFIED)
      .map((event) => event.details.certificate as KeyCertificate)
      .filter((certificate) => certificateProblem(certificate, this.teamKey) === null);
    return { registered, certificates };
  }
}
