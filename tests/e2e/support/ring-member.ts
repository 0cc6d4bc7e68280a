/**
 * The ring member the Explore e2e flows investigate, picked from the demo generator's ground truth,
 * so the embedded graph and the seeded Neo4j are explored the same way.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { IDENTIFIER_KINDS } from '../../../main/api';
import { userIdOf, type DemoDataset } from '../../../main/core/demo/dataset';

export interface RingMemberFixture {
  userId: string;
  /** Raw phone number shared with at least one other ring member, and those members' ids. */
  sharedPhone: string;
  phoneSharers: string[];
  /** Raw card number of the member. */
  card: string;
}

/** Picks, from the generator's ground truth, a shared-identity ring member with a shared phone and a card. */
export function findRingMember(dataset: DemoDataset): RingMemberFixture {
  const phoneKind = IDENTIFIER_KINDS.indexOf('phone');
  const cardKind = IDENTIFIER_KINDS.indexOf('card');
  const identifiersOf = new Map<number, number[]>();
  const links = dataset.identifierLinks;
  for (let link = 0; link < links.count; link++) {
    const account = links.account[link];
    identifiersOf.set(account, [...(identifiersOf.get(account) ?? []), links.identifier[link]]);
  }
  for (const ring of dataset.plantedRings.filter((candidate) => candidate.kind === 'shared-identity')) {
    for (const member of ring.members) {
      const identifiers = identifiersOf.get(member) ?? [];
      const card = identifiers.find((identifier) => dataset.identifiers.kind[identifier] === cardKind);
      for (const phone of identifiers.filter((identifier) => dataset.identifiers.kind[identifier] === phoneKind)) {
        const sharers = ring.members.filter((other) => other !== member && (identifiersOf.get(other) ?? []).includes(phone));
        if (card !== undefined && sharers.length > 0) {
          return {
            userId: userIdOf(member),
            sharedPhone: dataset.identifiers.value[phone],
            phoneSharers: sharers.map(userIdOf),
            card: dataset.identifiers.value[card],
          };
        }
      }
    }
  }
  throw new Error('The demo graph has no shared-identity ring member with a shared phone and a card');
}

/** Digits only: a masked value must not contain the raw number in any formatting. */
export const digitsOf = (text: string) => text.replace(/\D/g, '');

/** Checks the open details panel shows `property` masked: `visible` digits shown, `hidden` digits not. */
export async function expectMaskedProperty(page: Page, property: 'phoneNumber' | 'cardNumber', { visible, hidden }: { visible?: string; hidden: string }): Promise<void> {
  const row = page.getByTestId(`property-${property}`);
  await row.waitFor();
  const shown = (await row.textContent()) ?? '';
  expect(shown).toContain('•');
  if (visible) expect(shown).toContain(visible);
  expect(digitsOf(shown)).not.toContain(hidden);
}

/** Checks that no raw phone or card number of the fixture appears anywhere in the page's text. */
export async function expectNoRawNumbersOnPage(page: Page, fixture: RingMemberFixture): Promise<void> {
  const pageText = digitsOf(await page.locator('body').innerText());
  expect(pageText).not.toContain(digitsOf(fixture.card));
  expect(pageText).not.toContain(digitsOf(fixture.sharedPhone));
}
