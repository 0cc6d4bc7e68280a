import { ApiError, type DemoIdentity } from '../api';

/**
 * Who the investigator is, for signatures, the audit trail and four-eyes: the user the graph
 * store authenticated (Neo4j), or on the embedded demo graph one of two marked demo identities the
 * UI switches between. Never a name from the environment.
 */
export class InvestigatorIdentity {
  private state: { kind: 'demo'; name: DemoIdentity } | { kind: 'neo4j'; name: string; roles: readonly string[] | null } = { kind: 'demo', name: 'demo-analyst' };

  current(): string {
    return this.state.name;
  }

  isDemo(): boolean {
    return this.state.kind === 'demo';
  }

  /** Demo identities exist only on the embedded graph: with a real store they are refused. */
  useDemo(name: DemoIdentity): void {
    if (this.state.kind !== 'demo') throw new ApiError('forbidden', 'Demo identities cannot be used with a Neo4j store', { reason: 'demo_identity_refused' });
    this.state = { kind: 'demo', name };
  }

  /** Connected to Neo4j: the investigator is the user the server authenticated, with its roles (null: the server has none, Community Edition). */
  useAuthenticated(name: string, roles: readonly string[] | null = null): void {
    this.state = { kind: 'neo4j', name, roles };
  }

  /**
   * Whether the server lets this user hold `role`: always where the server has no roles (then the
   * team keyring alone decides who leads), otherwise only when the authenticated user holds it.
   */
  holdsRole(user: string, role: string): boolean {
    if (this.state.kind !== 'neo4j' || this.state.roles === null) return true;
    return this.state.name === user && this.state.roles.includes(role);
  }

  /** Back on the embedded graph: the demo analyst. */
  useEmbedded(): void {
    this.state = { kind: 'demo', name: 'demo-analyst' };
  }
}
