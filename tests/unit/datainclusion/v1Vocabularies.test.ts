import { describe, expect, it } from 'vitest';
import { enScreens } from '../../../src/app/i18n/enScreens';
import { frScreens } from '../../../src/app/i18n/frScreens';
import { exportDataInclusion } from '../../../src/shared/datainclusion/exportDataInclusion';
import { importDataInclusion } from '../../../src/shared/datainclusion/importDataInclusion';
import { OLD_SLUGS, readSlugs, type VocabularyName } from '../../../src/shared/datainclusion/slugAliases';
import { needsOfThematique } from '../../../src/shared/domain/needsOfThematique';
import { FRAIS, MODES_ACCUEIL, PUBLICS, RESEAUX_PORTEURS, THEMATIQUES } from '../../../src/shared/domain/vocabularies';
import { getTerritorySeed } from '../../../src/territories';
import frais from '../../../src/shared/datainclusion/schema-v1/extra/frais.json';
import modesAccueil from '../../../src/shared/datainclusion/schema-v1/extra/modes-accueil.json';
import publics from '../../../src/shared/datainclusion/schema-v1/extra/publics.json';
import reseaux from '../../../src/shared/datainclusion/schema-v1/extra/reseaux-porteurs.json';
import thematiques from '../../../src/shared/datainclusion/schema-v1/extra/thematiques.json';

// The referentials of data·inclusion v1, as published (the pinned copy in
// src/shared/datainclusion/schema-v1/), are the yardstick: Escale holds them all
// (pinnedSchema.test.ts), never a value outside them.

const seed = getTerritorySeed('civraisien-en-poitou')!;
const today = '2026-11-22';
const ctx = { territoryId: seed.territory.id, communes: seed.territory.communes, today };
const v1Sets: Record<VocabularyName, ReadonlySet<string>> = {
  reseaux_porteurs: new Set(reseaux.map((v) => v.value)),
  thematiques: new Set(thematiques.map((v) => v.value)),
  publics: new Set(publics.map((v) => v.value)),
  frais: new Set(frais.map((v) => v.value)),
  modes_accueil: new Set(modesAccueil.map((v) => v.value)),
};
const escale: Record<VocabularyName, readonly string[]> = {
  reseaux_porteurs: RESEAUX_PORTEURS,
  thematiques: THEMATIQUES,
  publics: PUBLICS,
  frais: FRAIS,
  modes_accueil: MODES_ACCUEIL,
};
const VOCABULARIES = Object.keys(escale) as VocabularyName[];
const notV1 = (vocabulary: VocabularyName, values: readonly string[]) => values.filter((v) => !v1Sets[vocabulary].has(v));

/** Escale's lists before the move to v1, as an older Escale export may hold them. */
const PRE_V1 = {
  reseaux_porteurs: [
    'france-service', 'caf', 'mutualite-sociale-agricole', 'assurance-maladie', 'assurance-retraite', 'france-travail',
    'mission-locale', 'ccas-cias', 'communes', 'departements', 'centres-sociaux', 'espace-de-vie-sociale', 'mediatheques',
    'conseiller-numerique', 'la-poste', 'impots', 'maisons-de-sante', 'associations',
  ],
  thematiques: [
    'acces-aux-droits-et-citoyennete--accompagnement-dans-les-demarches-administratives',
    'acces-aux-droits-et-citoyennete--connaitre-ses-droits', 'acces-aux-droits-et-citoyennete--aide-juridique',
    'numerique--acceder-a-des-services-en-ligne', 'numerique--prendre-en-main-un-ordinateur',
    'numerique--prendre-en-main-un-smartphone-ou-une-tablette', 'numerique--acceder-a-du-materiel',
    'numerique--realiser-des-demarches-administratives-avec-un-accompagnement', 'famille--garde-denfants',
    'famille--soutien-a-la-parentalite', 'famille--information-et-accompagnement-des-parents',
    'accompagnement-social-et-professionnel-personnalise--jeunes', 'trouver-un-emploi--preparer-sa-candidature',
    'trouver-un-emploi--rencontrer-des-employeurs', 'sante--acces-aux-soins', 'sante--prevention-et-acces-aux-soins',
    'mobilite--etre-accompagne-dans-son-parcours-mobilite', 'mobilite--se-deplacer-sans-permis-et-ou-sans-vehicule-personnel',
    'mobilite--preparer-son-permis-de-conduire', 'logement-hebergement--etre-accompagne-pour-se-loger',
    'remobilisation--lien-social', 'handicap--faire-reconnaitre-un-handicap', 'gestion-financiere--apprendre-a-gerer-son-budget',
  ],
  publics: [
    'tous-publics', 'seniors', 'jeunes', 'familles', 'enfants', 'femmes', 'personnes-handicapees', 'demandeurs-emploi',
    'beneficiaires-des-minimas-sociaux', 'etudiants', 'etrangers', 'actifs',
  ],
  frais: ['gratuit', 'payant', 'adhesion', 'gratuit-sous-conditions', 'pass-numerique'],
  modes_accueil: ['en-presentiel', 'a-distance'],
} satisfies Record<VocabularyName, string[]>;

/** Old values with no v1 counterpart: an import reports and drops them. */
const DROPPED = {
  reseaux_porteurs: ['assurance-retraite', 'espace-de-vie-sociale', 'mediatheques', 'impots', 'maisons-de-sante', 'associations'],
  thematiques: ['accompagnement-social-et-professionnel-personnalise--jeunes'],
} as const;

describe('vocabularies are data·inclusion v1', () => {
  it('holds only v1 values, each once', () => {
    for (const vocabulary of VOCABULARIES) {
      expect(notV1(vocabulary, escale[vocabulary]), vocabulary).toEqual([]);
      expect(new Set(escale[vocabulary]).size, vocabulary).toBe(escale[vocabulary].length);
    }
  });

  it('every vocabulary value the seed uses is a v1 value', () => {
    const { places, checklists } = seed;
    const services = places.flatMap((p) => p.services);
    expect(notV1('reseaux_porteurs', places.flatMap((p) => p.reseauxPorteurs))).toEqual([]);
    expect(notV1('thematiques', [...places.flatMap((p) => p.thematiques), ...services.flatMap((s) => s.thematiques)])).toEqual([]);
    expect(notV1('publics', places.flatMap((p) => p.publics))).toEqual([]);
    expect(notV1('frais', places.flatMap((p) => p.frais))).toEqual([]);
    expect(notV1('modes_accueil', places.flatMap((p) => p.modesAccueil))).toEqual([]);
    expect(notV1('reseaux_porteurs', checklists.flatMap((c) => (c.partner ? [c.partner] : [])))).toEqual([]);
  });

  it('every thematique answers at least one need; the seed\'s answer the expected ones', () => {
    for (const t of THEMATIQUES) expect(needsOfThematique(t), t).not.toEqual([]);
    expect(needsOfThematique('difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives')).toEqual(['papers']);
    expect(needsOfThematique('numerique--acceder-a-des-services-en-ligne')).toEqual(['digital']);
    expect(needsOfThematique('sante--constituer-un-dossier-mdph-invalidite')).toEqual(['health', 'papers']);
    expect(needsOfThematique('se-former--trouver-sa-formation')).toEqual(['jobs', 'youth']);
    expect(needsOfThematique('mobilite--preparer-un-permis')).toEqual(['mobility']);
    expect(needsOfThematique('equipement-et-alimentation--alimentation')).toEqual(['family']);
  });

  it('has a French and an English label for every value, and no label for another value', () => {
    const catalogues = { thematiques: THEMATIQUES, reseaux: RESEAUX_PORTEURS, publics: PUBLICS, frais: FRAIS } as const;
    for (const [name, values] of Object.entries(catalogues) as [keyof typeof catalogues, readonly string[]][]) {
      for (const labels of [frScreens[name], enScreens[name]] as Record<string, string>[]) {
        expect(Object.keys(labels).sort(), name).toEqual([...values].sort());
        for (const v of values) expect(labels[v]?.trim(), `${name}.${v}`).toBeTruthy();
      }
    }
  });
});

describe('data·inclusion files: v1 out, older slugs in', () => {
  const file = exportDataInclusion(seed.places, seed.territory, { today });

  it('the export of the seed writes only v1 slugs', () => {
    const slugs = (records: readonly Record<string, unknown>[], field: string) =>
      records.flatMap((r) => (r[field] === undefined ? [] : ([] as string[]).concat(r[field] as string | string[])));
    expect(notV1('reseaux_porteurs', slugs(file.structures, 'reseaux_porteurs'))).toEqual([]);
    expect(notV1('thematiques', slugs(file.services, 'thematiques'))).toEqual([]);
    expect(notV1('publics', slugs(file.services, 'publics'))).toEqual([]);
    expect(notV1('frais', slugs(file.services, 'frais'))).toEqual([]);
    expect(notV1('modes_accueil', slugs(file.services, 'modes_accueil'))).toEqual([]);
  });

  it('`tous-publics` is written alone, as v1 requires', () => {
    const place = seed.places[0]!;
    const everyone: typeof place = { ...place, publics: ['seniors', 'tous-publics', 'jeunes'], frais: ['gratuit'] };
    const services = exportDataInclusion([everyone], seed.territory, { today }).services;
    expect(services.map((s) => s.publics)).toEqual(services.map(() => ['tous-publics']));
    expect(services.length).toBeGreaterThan(0);
  });

  it('export → import → export of the seed is the identity, and the places come back unchanged', () => {
    const json = JSON.parse(JSON.stringify(file)) as unknown;
    const back = importDataInclusion(json, { ...ctx, existingPlaces: seed.places });
    expect(back.records.flatMap((r) => r.problems)).toEqual([]);
    expect(back.records.map((r) => r.place)).toEqual(seed.places);
    expect(exportDataInclusion(back.records.map((r) => r.place!), seed.territory, { today })).toEqual(file);
  });

  it('every old slug is read as v1 slug(s) Escale holds, except the few with no v1 counterpart', () => {
    for (const vocabulary of VOCABULARIES) {
      for (const [old, targets] of Object.entries(OLD_SLUGS[vocabulary])) {
        expect(escale[vocabulary].includes(old), `${vocabulary}: ${old} is not an old slug`).toBe(false);
        for (const t of targets) expect(escale[vocabulary], `${vocabulary}: ${old} → ${t}`).toContain(t);
      }
      const dropped: readonly string[] = (DROPPED as Partial<Record<VocabularyName, readonly string[]>>)[vocabulary] ?? [];
      const { kept, unknown } = readSlugs(vocabulary, PRE_V1[vocabulary]);
      expect(unknown, vocabulary).toEqual(dropped);
      expect(notV1(vocabulary, kept), vocabulary).toEqual([]);
    }
  });

  it('an older file (pre-v1 slugs, v0 frais list) imports with v1 slugs, each rewrite named', () => {
    const old = {
      structures: [{
        source: 'escale', id: 'place-ancien-format', nom: 'Centre social de Civray', date_maj: '2025-03-01', code_insee: '86078',
        code_postal: '86400', reseaux_porteurs: ['centres-sociaux', 'unccas', 'assurance-maladie', 'conseiller-numerique'],
      }],
      services: [
        {
          source: 'escale', id: 'service-ancien-format', structure_id: 'place-ancien-format', nom: 'Démarches en ligne',
          description: 'Aide aux démarches en ligne, sur rendez-vous.', date_maj: '2025-03-01',
          thematiques: ['numerique--realiser-des-demarches-administratives-avec-un-accompagnement', 'numerique--prendre-en-main-un-ordinateur'],
          publics: ['enfants', 'personnes-handicapees', 'etrangers', 'seniors'],
          frais: ['adhesion'],
          modes_accueil: ['en-presentiel'],
        },
        {
          source: 'escale', id: 'place-ancien-format--accueil-general', structure_id: 'place-ancien-format', nom: 'Accueil',
          description: 'Accueil du public.', date_maj: '2025-03-01', escale_description_generee: true,
          thematiques: ['handicap--faire-reconnaitre-un-handicap', 'mobilite--preparer-son-permis-de-conduire'],
        },
      ],
    };
    const [record] = importDataInclusion(old, ctx).records;
    expect(record?.status).toBe('ok');
    // Nothing refused; every rewrite is a warning naming its record and field.
    expect(record?.issues.filter((i) => i.level === 'refus')).toEqual([]);
    expect(record?.issues.map((i) => [i.recordId, i.field])).toEqual([
      ['place-ancien-format', 'reseaux_porteurs'],
      ['service-ancien-format', 'thematiques'],
      ['service-ancien-format', 'publics'],
      ['service-ancien-format', 'frais'],
      ['place-ancien-format--accueil-general', 'thematiques'],
      ['place-ancien-format', 'latitude/longitude'], // absent: the commune centre, said
    ]);
    expect(record?.place).toMatchObject({
      category: 'centre-social',
      reseauxPorteurs: ['fcsf', 'ccas-cias', 'cpam', 'conseillers-numeriques'],
      thematiques: [
        'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
        'numerique--acceder-a-des-services-en-ligne',
        'numerique--maitriser-les-fondamentaux-du-numerique',
        'sante--constituer-un-dossier-mdph-invalidite',
        'mobilite--preparer-un-permis',
      ],
      publics: ['familles', 'personnes-en-situation-de-handicap', 'personnes-exilees', 'seniors'],
      frais: ['payant'],
      modesAccueil: ['en-presentiel'],
      services: [{
        id: 'service-ancien-format',
        name: 'Démarches en ligne',
        thematiques: [
          'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
          'numerique--acceder-a-des-services-en-ligne',
          'numerique--maitriser-les-fondamentaux-du-numerique',
        ],
      }],
    });
  });
});
