import {
  FRAIS, MOBILITY_KINDS, MODES_ACCUEIL, NEEDS, ONBOARD_SERVICES, PLACE_CATEGORIES, PUBLICS, RESEAUX_PORTEURS, THEMATIQUES, VEHICLES,
} from '../../../shared/domain/vocabularies';
import type { EditableCollection } from '../../../shared/sync/collections';
import type { PublicVocab as VocabSection } from '../../i18n/i18n';
import type { StaffKey } from '../i18n/staffMessages';

// Which fields each directory form shows, as plain data. `key` is the field's path in the
// record (`booking.phone`, `digital.wifi`); a list's items have their own fields. The
// options of every vocabulary come from shared/domain/vocabularies.ts (never copied here),
// so a renamed slug reaches the forms with no change in this file.

export type FieldKind =
  | 'text' | 'textarea' | 'number' | 'date' | 'hours' | 'select' | 'commune' | 'checkbox' | 'tristate'
  | 'localized' | 'checkboxes' | 'languages' | 'communes' | 'places' | 'list';

export interface FieldDef {
  key: string;
  label: StaffKey;
  kind: FieldKind;
  /** Vocabulary of a select or a checkbox group. */
  options?: readonly string[];
  /** Where the vocabulary's labels are (i18n catalogues). */
  vocab?: VocabSection;
  required?: boolean;
  /** Text fields: what is checked (and the keyboard shown). */
  type?: 'email' | 'url' | 'tel';
  /** Localized text on several lines. */
  multiline?: boolean;
  /** A heading (h2) shown before this field: the form's sections. */
  heading?: StaffKey;
  /** A list's item fields; `itemId` is the prefix of new items' ids (items without ids: none). */
  item?: FieldDef[];
  itemId?: string;
  /** Label of one item ("Papier {n}") and of the add button. */
  itemLabel?: StaffKey;
  addLabel?: StaffKey;
  hint?: StaffKey;
}

/** ISO 639-1 codes offered as checkboxes (others already on a record are shown too). */
export const LANGUAGE_CODES = ['fr', 'en', 'es', 'de', 'it', 'pt', 'nl', 'ar', 'tr', 'ro', 'pl', 'ru', 'uk', 'zh', 'vi', 'wo', 'bm', 'ff', 'ps', 'fa'] as const;

const localizedItem = (labelKey: StaffKey, hintKey: StaffKey): FieldDef[] => [
  { key: 'label', label: labelKey, kind: 'localized', required: true },
  { key: 'hint', label: hintKey, kind: 'localized', multiline: true },
];

export const FIELDS: Record<EditableCollection, FieldDef[]> = {
  place: [
    { key: 'name', label: 'f.name', kind: 'text', required: true, heading: 'h.identity' },
    { key: 'category', label: 'f.category', kind: 'select', options: PLACE_CATEGORIES, vocab: 'categories', required: true },
    { key: 'description', label: 'f.description', kind: 'localized', multiline: true },
    { key: 'itinerant', label: 'f.itinerant', kind: 'checkbox' },
    // An itinerant place that is a tour's vehicle: its stops and times come from that tour.
    { key: 'tourId', label: 'f.tourId', kind: 'text' },
    { key: 'address', label: 'f.address', kind: 'text', heading: 'h.where' },
    { key: 'insee', label: 'f.commune', kind: 'commune', required: true },
    { key: 'postcode', label: 'f.postcode', kind: 'text', required: true },
    { key: 'city', label: 'f.city', kind: 'text', required: true },
    { key: 'lat', label: 'f.lat', kind: 'number', required: true },
    { key: 'lon', label: 'f.lon', kind: 'number', required: true },
    { key: 'approximateLocation', label: 'f.approximateLocation', kind: 'tristate' },
    { key: 'phone', label: 'f.phone', kind: 'text', type: 'tel', heading: 'h.contact' },
    { key: 'email', label: 'f.email', kind: 'text', type: 'email' },
    { key: 'website', label: 'f.website', kind: 'text', type: 'url' },
    { key: 'openingHours', label: 'f.openingHours', kind: 'hours' },
    { key: 'thematiques', label: 'f.thematiques', kind: 'checkboxes', options: THEMATIQUES, vocab: 'thematiques', heading: 'h.offer' },
    { key: 'publics', label: 'f.publics', kind: 'checkboxes', options: PUBLICS, vocab: 'publics' },
    { key: 'frais', label: 'f.frais', kind: 'checkboxes', options: FRAIS, vocab: 'frais' },
    { key: 'modesAccueil', label: 'f.modesAccueil', kind: 'checkboxes', options: MODES_ACCUEIL },
    { key: 'reseauxPorteurs', label: 'f.reseauxPorteurs', kind: 'checkboxes', options: RESEAUX_PORTEURS, vocab: 'reseaux' },
    {
      key: 'services', label: 'f.services', kind: 'list', itemId: 'service', itemLabel: 'list.service', addLabel: 'list.addService',
      item: [
        { key: 'name', label: 'f.serviceName', kind: 'text', required: true },
        { key: 'description', label: 'f.serviceDescription', kind: 'localized', multiline: true },
        { key: 'thematiques', label: 'f.thematiques', kind: 'checkboxes', options: THEMATIQUES, vocab: 'thematiques' },
      ],
    },
    { key: 'digital.wifi', label: 'f.wifi', kind: 'tristate', heading: 'h.digital' },
    { key: 'digital.computer', label: 'f.computer', kind: 'tristate' },
    { key: 'digital.printer', label: 'f.printer', kind: 'tristate' },
    { key: 'digital.visio', label: 'f.visio', kind: 'tristate' },
    { key: 'accessibility.stepFree', label: 'f.stepFree', kind: 'tristate', heading: 'h.accessibility' },
    { key: 'accessibility.parking', label: 'f.parking', kind: 'tristate' },
    { key: 'accessibility.hearingLoop', label: 'f.hearingLoop', kind: 'tristate' },
    { key: 'accessibility.url', label: 'f.accessibilityUrl', kind: 'text', type: 'url' },
    { key: 'accessibility.notes', label: 'f.accessibilityNotes', kind: 'textarea' },
    { key: 'languages', label: 'f.languages', kind: 'languages', heading: 'h.languages' },
    { key: 'verifiedAt', label: 'f.verifiedAt', kind: 'date', heading: 'h.provenance' },
    { key: 'source', label: 'f.source', kind: 'text' },
    { key: 'internal.notes', label: 'f.internalNotes', kind: 'textarea', heading: 'h.internal' },
    { key: 'internal.directPhone', label: 'f.directPhone', kind: 'text', type: 'tel' },
  ],
  mobility: [
    { key: 'name', label: 'f.name', kind: 'text', required: true, heading: 'h.identity' },
    { key: 'kind', label: 'f.kind', kind: 'select', options: MOBILITY_KINDS, vocab: 'mobilityKinds', required: true },
    { key: 'operator', label: 'f.operator', kind: 'text' },
    { key: 'description', label: 'f.description', kind: 'localized', multiline: true, required: true },
    { key: 'eligibility', label: 'f.eligibility', kind: 'localized', multiline: true, heading: 'h.who' },
    { key: 'communesServed', label: 'f.communesServed', kind: 'communes', required: true },
    { key: 'price', label: 'f.price', kind: 'localized', multiline: true },
    { key: 'booking.phone', label: 'f.bookingPhone', kind: 'text', type: 'tel', heading: 'h.booking' },
    { key: 'booking.url', label: 'f.bookingUrl', kind: 'text', type: 'url' },
    { key: 'booking.notice', label: 'f.bookingNotice', kind: 'localized' },
    { key: 'schedule', label: 'f.mobilitySchedule', kind: 'hours' },
    { key: 'location.label', label: 'f.locationLabel', kind: 'text', heading: 'h.location' },
    { key: 'location.lat', label: 'f.lat', kind: 'number' },
    { key: 'location.lon', label: 'f.lon', kind: 'number' },
    { key: 'verifiedAt', label: 'f.verifiedAt', kind: 'date', heading: 'h.provenance' },
    { key: 'source', label: 'f.source', kind: 'text' },
  ],
  checklist: [
    { key: 'title', label: 'f.title', kind: 'localized', required: true, heading: 'h.identity' },
    { key: 'need', label: 'f.need', kind: 'select', options: NEEDS, vocab: 'needs', required: true },
    { key: 'partner', label: 'f.partner', kind: 'select', options: RESEAUX_PORTEURS, vocab: 'reseaux' },
    { key: 'forWhom', label: 'f.forWhom', kind: 'localized', multiline: true, required: true },
    {
      key: 'documents', label: 'f.documents', kind: 'list', required: true, itemId: 'doc', itemLabel: 'list.document', addLabel: 'list.addDocument',
      item: localizedItem('f.itemLabel', 'f.itemHint'), heading: 'h.documents',
    },
    {
      key: 'steps', label: 'f.steps', kind: 'list', required: true, itemId: 'etape', itemLabel: 'list.step', addLabel: 'list.addStep',
      item: localizedItem('f.itemLabel', 'f.itemHint'), heading: 'h.steps',
    },
    { key: 'whereToGo.placeCategories', label: 'f.placeCategories', kind: 'checkboxes', options: PLACE_CATEGORIES, vocab: 'categories', heading: 'h.whereToGo' },
    { key: 'whereToGo.placeIds', label: 'f.placeIds', kind: 'places' },
    { key: 'whereToGo.text', label: 'f.whereToGoText', kind: 'localized', multiline: true },
    {
      key: 'links', label: 'f.links', kind: 'list', itemLabel: 'list.link', addLabel: 'list.addLink', heading: 'h.links',
      item: [
        { key: 'label', label: 'f.linkLabel', kind: 'text', required: true },
        { key: 'url', label: 'f.linkUrl', kind: 'text', type: 'url', required: true },
      ],
    },
    { key: 'caveats', label: 'f.caveats', kind: 'localized', multiline: true },
    { key: 'reviewedAt', label: 'f.reviewedAt', kind: 'date', heading: 'h.provenance' },
    { key: 'source', label: 'f.source', kind: 'text' },
  ],
  tour: [
    { key: 'name', label: 'f.name', kind: 'text', required: true, heading: 'h.identity' },
    { key: 'vehicle', label: 'f.vehicle', kind: 'select', options: VEHICLES, vocab: 'vehicles', required: true },
    { key: 'services', label: 'f.onboardServices', kind: 'checkboxes', options: ONBOARD_SERVICES, vocab: 'onboardServices' },
    { key: 'isExample', label: 'f.isExample', kind: 'checkbox' },
    { key: 'notes', label: 'f.notes', kind: 'localized', multiline: true },
    { key: 'verifiedAt', label: 'f.verifiedAt', kind: 'date', heading: 'h.provenance' },
    { key: 'source', label: 'f.source', kind: 'text' },
  ],
};

/** Optional objects of a record: left out when none of their fields is filled. */
export const OPTIONAL_GROUPS: Record<EditableCollection, readonly string[]> = {
  place: ['internal'],
  mobility: ['location'],
  checklist: [],
  tour: [],
};
