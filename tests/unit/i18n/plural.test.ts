// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { atCount } from '../../../src/app/aidant/i18n/aidantMessages';
import { pendingText, waitingButtonText } from '../../../src/app/aidant/i18n/pendingText';
import { applyLanguage } from '../../../src/app/i18n/i18n';
import { pluralForm } from '../../../src/app/i18n/plural';

afterEach(() => applyLanguage('fr'));

describe('counted messages: 0, 1 and n in French and English', () => {
  test('the form for a count', () => {
    expect([0, 1, 2, 17, 100].map(pluralForm)).toEqual(['zero', 'one', 'many', 'many', 'many']);
  });

  test('French', () => {
    expect([0, 1, 3].map((n) => atCount('pending.visits', n))).toEqual(['Aucune visite à envoyer', '1 visite à envoyer', '3 visites à envoyer']);
    expect(atCount('today.runSteps', 5, { done: 3 })).toBe('3 sur 5 étapes');
    expect(atCount('today.runSteps', 1, { done: 0 })).toBe('0 sur 1 étape');
    expect(atCount('today.runDocs', 8, { done: 2 })).toBe('2 sur 8 papiers apportés');
  });

  test('English', async () => {
    await applyLanguage('en');
    expect([0, 1, 3].map((n) => atCount('pending.visits', n))).toEqual(['No visits to send', '1 visit to send', '3 visits to send']);
    expect(atCount('today.runSteps', 5, { done: 3 })).toBe('3 of 5 steps');
    expect(atCount('today.runSteps', 1, { done: 1 })).toBe('1 of 1 step');
  });

  test('what waits, worded once for the banner, the button and the lists', async () => {
    expect(pendingText({ visits: 3, others: 0 })).toBe('3 visites à envoyer');
    expect(pendingText({ visits: 3, others: 2 })).toBe('3 visites à envoyer et 2 autres éléments');
    expect(pendingText({ visits: 1, others: 1 })).toBe('1 visite à envoyer et 1 autre élément');
    expect(pendingText({ visits: 0, others: 2 })).toBe('2 éléments à envoyer (aucune visite)');
    expect(pendingText({ visits: 0, others: 0 })).toBe('Aucune visite à envoyer');
    expect([0, 1, 17].map((visits) => waitingButtonText({ visits, others: 4 }))).toEqual(['À envoyer', 'À envoyer : 1 visite', 'À envoyer : 17 visites']);
    await applyLanguage('en');
    expect(pendingText({ visits: 3, others: 2 })).toBe('3 visits to send and 2 other items');
    expect(pendingText({ visits: 0, others: 1 })).toBe('1 item to send (no visits)');
    expect(waitingButtonText({ visits: 17, others: 0 })).toBe('To send: 17 visits');
  });
});
