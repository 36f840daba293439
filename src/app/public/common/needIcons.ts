import type { Need } from '../../../shared/domain/vocabularies';
import type { IconName } from '../../ui/icons';

export const NEED_ICON: Record<Need, IconName> = {
  papers: 'papers',
  digital: 'digital',
  family: 'family',
  youth: 'youth',
  jobs: 'jobs',
  health: 'health',
  mobility: 'mobility',
};
