// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { HoursEvaluator } from '../../../src/app/hours/hoursEvaluator';
import type { OpeningStatus } from '../../../src/app/hours/hoursApi';
import { useSlicedHours } from '../../../src/app/public/hours/useSlicedHours';

afterEach(cleanup);

const AT = new Date('2026-12-01T08:00:00Z');

/** An evaluator that answers later, as the opening-hours worker does (hoursEvaluator.ts). */
function laterEvaluator() {
  const asked: string[] = [];
  const answers: Array<() => void> = [];
  const evaluator: HoursEvaluator = {
    statusOf: (value) => {
      asked.push(value);
      return new Promise<OpeningStatus>((resolve) => answers.push(() => resolve(value === 'bad' ? { state: 'unknown', reason: 'unreadable' } : { state: 'open' })));
    },
    passagesOf: () => Promise.resolve(undefined),
    weekOf: () => Promise.resolve(undefined),
  };
  return { evaluator, asked, answerAll: () => answers.splice(0).forEach((answer) => answer()) };
}

function Badge({ api, value, label }: { api: HoursEvaluator; value: string; label: string }) {
  const status = useSlicedHours(api, `status:${value}`, () => AT, undefined, (hours, at, holidays) => hours.statusOf(value, at, holidays));
  return <p>{label}: {status.ready ? status.value.state : 'loading'}</p>;
}

describe('useSlicedHours with an evaluator that answers later (the worker)', () => {
  test('each component shows its answer once it comes, and one value is asked once per minute', async () => {
    const { evaluator, asked, answerAll } = laterEvaluator();
    render(
      <>
        <Badge api={evaluator} value="Mo-Fr 09:00-12:00" label="a" />
        <Badge api={evaluator} value="Mo-Fr 09:00-12:00" label="b" />
        <Badge api={evaluator} value="bad" label="c" />
      </>,
    );
    expect(screen.getByText('a: loading')).toBeTruthy();
    await waitFor(() => expect(asked).toHaveLength(2));
    answerAll();
    await screen.findByText('a: open');
    await screen.findByText('b: open');
    await screen.findByText('c: unknown');
    expect(asked.sort()).toEqual(['Mo-Fr 09:00-12:00', 'bad']);
  });
});
