// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { CommunePicker } from '../../../src/app/public/home/CommunePicker';
import { seed } from './support';

afterEach(cleanup);

function type(text: string) {
  const input = screen.getByLabelText('Votre commune ou code postal');
  fireEvent.input(input, { target: { value: text } });
}

describe('commune picker', () => {
  test('finds Gençay without the cedilla, and by its postcode', () => {
    const onChoose = vi.fn();
    render(<CommunePicker communes={seed.territory.communes} onChoose={onChoose} />);
    type('gencay');
    const button = screen.getByRole('button', { name: /^Gençay/ });
    fireEvent.click(button);
    expect(onChoose).toHaveBeenCalledWith(expect.objectContaining({ insee: '86103', name: 'Gençay' }));

    type('86160');
    const names = screen.getAllByRole('button').map((b) => b.textContent ?? '');
    expect(names.some((n) => n.startsWith('Gençay'))).toBe(true);
    expect(names.every((n) => n.includes('86160'))).toBe(true);
  });

  test('"st pierre" finds Saint-Pierre-d\'Exideuil; nonsense says so in words', () => {
    render(<CommunePicker communes={seed.territory.communes} onChoose={() => undefined} />);
    type('st pierre');
    expect(screen.getByRole('button', { name: /Saint-Pierre-d.Exideuil/ })).toBeTruthy();
    type('zzzz');
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.getAllByText(/Aucune commune ne correspond/).length).toBeGreaterThan(0);
  });
});
