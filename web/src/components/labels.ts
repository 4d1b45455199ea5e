// Display names for values that come from the data (platforms, content types) and for the catalog's measure ids.
import type { Language } from '../i18n/index.tsx';

const PLATFORMS: Record<string, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  x: 'X',
  youtube: 'YouTube',
  tiktok: 'TikTok',
};

const CONTENT_TYPES: Record<string, [string, string]> = {
  text: ['Text', 'Texte'],
  image: ['Image', 'Image'],
  carousel: ['Carousel', 'Carrousel'],
  video: ['Video', 'Vidéo'],
  reel: ['Reel', 'Reel'],
  story: ['Story', 'Story'],
  link: ['Link', 'Lien'],
  live: ['Live', 'Live'],
  document: ['Document', 'Document'],
};

const CONVERSION_TYPES: Record<string, [string, string]> = {
  purchase: ['Purchase', 'Achat'],
  newsletter: ['Newsletter sign-up', 'Inscription newsletter'],
  download: ['Download', 'Téléchargement'],
  info_request: ['Information request', 'Demande d’information'],
  call: ['Phone call', 'Appel'],
  lead: ['Lead', 'Lead'],
  meeting: ['Meeting', 'Rendez-vous'],
  referral: ['Referral', 'Recommandation'],
  signup: ['Sign-up', 'Inscription'],
};

const MEASURES: Record<string, [string, string]> = {
  impressions: ['impressions', 'impressions'],
  reach: ['reach', 'portée'],
  reactions: ['reactions', 'réactions'],
  comments: ['comments', 'commentaires'],
  shares: ['shares', 'partages'],
  saves: ['saves', 'enregistrements'],
  posts: ['posts', 'publications'],
  followers_end: ['followers at the end', 'abonnés en fin de période'],
  followers_start: ['followers at the start', 'abonnés en début de période'],
  profile_visits: ['profile visits', 'visites du profil'],
  video_views: ['video views (daily)', 'vues des vidéos (quotidiennes)'],
  watch_time: ['watch time (daily)', 'durée de visionnage (quotidienne)'],
  mentions: ['mentions', 'mentions'],
  brand_mentions: ['brand mentions', 'mentions de la marque'],
  all_mentions: ['all mentions (brand + competitors)', 'toutes les mentions (marque + concurrents)'],
  audience_in_persona: ['audience in the personas', 'audience dans les personas'],
  audience_targeted: ['audience measured', 'audience mesurée'],
  post_participation: ['contest entries (posts)', 'participations (publications)'],
  participation_events: ['participation events', 'événements de participation'],
  sentiment_positive: ['positive', 'positifs'],
  sentiment_neutral: ['neutral', 'neutres'],
  sentiment_negative: ['negative', 'négatifs'],
  sentiment_uncertain: ['of which uncertain (model unsure)', 'dont incertains (modèle peu sûr)'],
  nps_promoters: ['promoters (9–10)', 'promoteurs (9–10)'],
  nps_detractors: ['detractors (0–6)', 'détracteurs (0–6)'],
  nps_answers: ['survey answers', 'réponses à l’enquête'],
  opinion_promoters: ['net positive authors', 'auteurs globalement positifs'],
  opinion_detractors: ['net negative authors', 'auteurs globalement négatifs'],
  opinion_authors: ['authors', 'auteurs'],
  replied_items: ['answered', 'avec réponse'],
  inbound_items: ['comments and messages received', 'commentaires et messages reçus'],
  response_time_median: ['median response time (s)', 'délai médian de réponse (s)'],
  response_time_p90: ['90th percentile (s)', '90e centile (s)'],
  post_link_clicks: ['link clicks on posts', 'clics sur les liens des publications'],
  tracked_clicks: ['tracked-link clicks (no bots)', 'clics sur liens suivis (hors robots)'],
  social_sessions: ['visits from social', 'visites depuis les réseaux'],
  social_conversions: ['conversions from social', 'conversions depuis les réseaux'],
  social_revenue: ['revenue from social', 'chiffre d’affaires des réseaux'],
  spend: ['spend', 'dépenses'],
  advocates: ['advocates', 'ambassadeurs'],
  new_influencers: ['new influencers', 'nouveaux influenceurs'],
  referral_conversions: ['referral conversions', 'conversions par recommandation'],
  advocate_shares: ['shares by advocates', 'partages par des ambassadeurs'],
  ssi_total: ['SSI', 'SSI'],
  ssi_brand: ['professional brand', 'marque professionnelle'],
  ssi_people: ['finding the right people', 'trouver les bonnes personnes'],
  ssi_insights: ['engaging with insights', 'échanger des informations'],
  ssi_relationships: ['building relationships', 'développer des relations'],
  network_size: ['network size', 'taille du réseau'],
};

const pick = (table: Record<string, [string, string]>, key: string, language: Language) => {
  const entry = table[key];
  return entry ? entry[language === 'fr' ? 1 : 0] : key.replaceAll('_', ' ');
};

export const platformLabel = (platform: string) => PLATFORMS[platform] ?? platform;
export const contentTypeLabel = (type: string, language: Language) => pick(CONTENT_TYPES, type, language);
export const conversionTypeLabel = (type: string, language: Language) => pick(CONVERSION_TYPES, type, language);
export const measureLabel = (measure: string, language: Language) => pick(MEASURES, measure, language);

/** An objective's name in the reader's language when it has one, else the name it was given. */
export function objectiveName(objective: { name: string; names?: { en?: string; fr?: string } }, language: Language): string {
  return objective.names?.[language] ?? objective.name;
}
