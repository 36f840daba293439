// The French of the errors the data layer throws (src/app/data/errors.ts) and of the server
// codes it relays (LoginFailedError, AdminApiError: src/server/http), keyed by `code`; the
// reference for ./en.ts. Worded by ./errorText.ts, in the aidant and staff chunks (the public
// screens show no data-layer error). `{name}` placeholders are the error's `params`.

export const fr = {
  ui: {
    storage_full: "L'appareil n'a plus assez de place pour enregistrer. Rien n'a été perdu de ce qui était déjà gardé. Libérez de la place (photos, applications), puis recommencez.",
    'logout_refused.one': "Impossible de se déconnecter pour l'instant : {pending} changement attend d'être envoyé au serveur. Connectez l'appareil à internet et attendez la fin de l'envoi, puis réessayez.",
    'logout_refused.many': "Impossible de se déconnecter pour l'instant : {pending} changements attendent d'être envoyé au serveur. Connectez l'appareil à internet et attendez la fin de l'envoi, puis réessayez.",
    invalid_input: 'Ces informations ne peuvent pas être enregistrées : {details}.',
    'invalid_input.unknown_mutation': 'action inconnue ({name})',
    'invalid_input.not_editable': 'collection non modifiable ({collection})',
    'invalid_input.duplicate_id': "une fiche porte déjà l'identifiant {id}",
    'invalid_input.cannot_redo': 'ce changement ne peut pas être refait ({name})',
    not_found: "Cette fiche n'existe plus sur l'appareil ({collection} {id}). Synchronisez puis réessayez.",
    reload_needed: "Une nouvelle version de l'application est ouverte dans un autre onglet. Rechargez cette page : vos données sont gardées sur l'appareil.",
    visit_sent: 'Cette visite est déjà partie vers le serveur : proposez la correction au bureau.',
    offline: "Pas de connexion : la connexion au compte demande internet. Réessayez quand l'appareil capte.",
    login_failed: 'La connexion a échoué (erreur {status}). Réessayez.',
    request_failed: 'Le serveur a refusé la demande (erreur {status}). Réessayez.',
    bad_answer: 'Réponse inattendue du serveur. Réessayez.',
    not_signed_in: 'Connectez-vous avec un compte administrateur.',
    invalid_credentials: 'Identifiant ou mot de passe incorrect.',
    bad_credentials: 'Identifiant ou mot de passe incorrect.',
    account_disabled: 'Ce compte est désactivé.',
    device_revoked: 'Cet appareil a été révoqué par un administrateur.',
    client_mismatch: 'Cet appareil est enregistré pour un autre territoire.',
    wrong_territory: 'Ce compte appartient à un autre territoire : ouvrez Escale à l’adresse de votre territoire.',
    too_many_attempts: 'Trop de tentatives. Réessayez dans {minutes} minute(s).',
    token_expired: 'Session expirée. Reconnectez-vous.',
    auth_required: 'Connexion requise.',
    forbidden: 'Votre compte n’a pas accès à cette action.',
    login_taken: 'Cet identifiant est déjà utilisé.',
    cannot_disable_self: 'Vous ne pouvez pas désactiver votre propre compte.',
  },
} as const;
