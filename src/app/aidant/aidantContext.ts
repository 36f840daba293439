import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ItinerantSession } from '../../shared/domain/session';
import type { AidantController, UnlockedAidant } from './aidantController';
import type { AidantLists } from './useAidantLists';

export interface AidantContextValue {
  controller: AidantController;
  me: UnlockedAidant;
  lists: AidantLists | undefined;
  /** This aidant's open session today, if any. */
  session: ItinerantSession | undefined;
}

export const AidantContext = createContext<AidantContextValue | undefined>(undefined);

export function useAidant(): AidantContextValue {
  const value = useContext(AidantContext);
  if (!value) throw new Error('AidantContext missing');
  return value;
}
