import type { ApiHandlers } from '../api-handlers';
import type { ClusterFacts } from './cluster-facts';
import type { Investigation } from './investigation';

/**
 * The Api areas of investigation work (cases, review, audit, outbox), acting as the calling user.
 * Members and ring metadata sent by the client are replaced by what the graph and the detection hold.
 */
export function createInvestigationHandlers({ cases, audit, outbox }: Investigation, facts: ClusterFacts): Pick<ApiHandlers, 'cases' | 'review' | 'audit' | 'outbox'> {
  return {
    cases: {
      list: async (filter) => ({ cases: await cases.list(filter) }),
      get: async ({ caseId }) => cases.get(caseId),
      create: async (input, { user, signal }) => cases.create({ ...input, cluster: await facts.verified(input.cluster, signal) }, user),
      update: async (input, { user }) => cases.update(input, user),
      addNote: async ({ caseId, text }, { user }) => cases.addNote(caseId, text, user),
      tag: async (input, { user }) => cases.tag(input, user),
      updateMembers: async (input, { user, signal }) => cases.updateMembers({ ...input, addAccounts: await facts.accounts(input.addAccounts, signal) }, user),
      saveView: async (input, { user }) => cases.saveView(input, user),
      chooseView: async (input, { user }) => cases.chooseView(input, user),
      removeView: async (input, { user }) => cases.removeView(input, user),
      submit: async ({ caseId, version }, { user }) => cases.submit(caseId, version, user),
      reopen: async ({ caseId, version }, { user }) => cases.reopen(caseId, version, user),
      close: async ({ caseId, version }, { user }) => cases.close(caseId, version, user),
    },
    review: {
      queue: async () => ({ cases: await cases.reviewQueue() }),
      approve: async ({ caseId, comment }, { user }) => cases.approve(caseId, comment, user),
      reject: async ({ caseId, comment }, { user }) => cases.reject(caseId, comment, user),
      revoke: async ({ caseId, comment }, { user }) => cases.revoke(caseId, comment, user),
    },
    audit: {
      list: async (filter) => audit.list(filter),
      verify: async () => audit.verify(),
    },
    outbox: {
      list: async (filter) => ({ entries: await outbox.list(filter), endpoint: outbox.endpointUrl() }),
      retryNow: async ({ id }, { user }) => outbox.retryNow(id, user),
    },
  };
}
