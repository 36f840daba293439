import { frScreens } from './frScreens';
import { registerFrenchScreens } from './i18n';

// Imported for its effect by every screen beyond home: registers the French messages
// those screens need, so they travel in the screens' chunks, not in the entry.
registerFrenchScreens(frScreens);
