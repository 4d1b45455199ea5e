// The KPI catalog: the one place where each KPI's formula, unit, direction and explanation live.
// The CLI, the API, the dashboard and reports all read it; none has a formula of its own.
import { add, constant, div, m, measuresOf, mul, sub, type Formula } from './formula.ts';
import type { MeasureId } from './measures.ts';

export type Unit = 'count' | 'ratio' | 'score' | 'seconds' | 'currency' | 'index';
export type Family =
  | 'awareness'
  | 'engagement'
  | 'tonality'
  | 'recommendation'
  | 'responsiveness'
  | 'conversion'
  | 'advocacy'
  | 'social_selling';
export type FunnelStage = 'awareness' | 'engagement' | 'conversion' | 'advocacy';

export interface Kpi {
  id: string;
  name: { en: string; fr: string };
  /** One line a marketer reads next to the number: the formula and its convention. */
  explanation: { en: string; fr: string };
  formula: Formula;
  unit: Unit;
  /** The way that is good for the business. */
  better: 'higher' | 'lower';
  family: Family;
  stage: FunnelStage | null;
  /** Grows with the length of the period (pace projects it to the period's end); rates and gauges do not. */
  additive: boolean;
  /** Measures reported beside the formula's in each row's inputs, for context (not part of the value). */
  context?: MeasureId[];
}

type Text = [en: string, fr: string];
function kpi(
  id: string,
  [en, fr]: Text,
  [explainEn, explainFr]: Text,
  formula: Formula,
  unit: Unit,
  family: Family,
  stage: FunnelStage | null,
  options: { better?: 'higher' | 'lower'; additive?: boolean; context?: MeasureId[] } = {},
): Kpi {
  return {
    id,
    name: { en, fr },
    explanation: { en: explainEn, fr: explainFr },
    formula,
    unit,
    better: options.better ?? 'higher',
    family,
    stage,
    additive: options.additive ?? false,
    ...(options.context ? { context: options.context } : {}),
  };
}

/** The measures a KPI's rows report: the formula's, then its context. */
export function inputsOf(kpi: Kpi): MeasureId[] {
  return [...new Set([...measuresOf(kpi.formula), ...(kpi.context ?? [])])];
}

const engagements = add(m('reactions'), m('comments'), m('shares'), m('saves'));
const perPostPerFollower = (measure: Formula) => div(div(measure, m('posts')), m('followers_end'));
const netPercent = (promoters: Formula, detractors: Formula, all: Formula) =>
  mul(constant(100), div(sub(promoters, detractors), all));
const sentimentTotal = add(
  m('sentiment_positive'),
  m('sentiment_neutral'),
  m('sentiment_negative'),
);
const linkClicks = add(m('post_link_clicks'), m('tracked_clicks'));
const additive = { additive: true };
const lower = { better: 'lower' as const };
// Tonality rows say how many of the labels counted the model was unsure of.
const withUncertain = { context: ['sentiment_uncertain'] as MeasureId[] };

export const KPIS: Kpi[] = [
  // Awareness
  kpi(
    'impressions',
    ['Impressions', 'Impressions'],
    [
      'Σ impressions of the posts published in the period.',
      'Σ des impressions des publications de la période.',
    ],
    m('impressions'),
    'count',
    'awareness',
    'awareness',
    additive,
  ),
  kpi(
    'reach',
    ['Reach', 'Couverture'],
    [
      'Σ reach of posts as each platform reports it (never deduplicated across posts).',
      'Σ de la couverture des publications, telle que chaque plateforme la donne (jamais dédupliquée entre publications).',
    ],
    m('reach'),
    'count',
    'awareness',
    'awareness',
    additive,
  ),
  kpi(
    'followers',
    ['Followers', 'Abonnés'],
    [
      'Followers at the end of the period: last known value per account, summed over accounts.',
      'Abonnés en fin de période : dernière valeur connue par compte, additionnée entre comptes.',
    ],
    m('followers_end'),
    'count',
    'awareness',
    'awareness',
  ),
  kpi(
    'follower_growth',
    ['Follower growth', 'Croissance des abonnés'],
    [
      'Followers at the end − followers at the start (last value before the period).',
      'Abonnés en fin − abonnés en début de période (dernière valeur avant la période).',
    ],
    sub(m('followers_end'), m('followers_start')),
    'count',
    'awareness',
    'awareness',
    additive,
  ),
  kpi(
    'follower_growth_rate',
    ['Follower growth rate', 'Taux de croissance des abonnés'],
    [
      'Follower growth ÷ followers at the start.',
      'Croissance des abonnés ÷ abonnés en début de période.',
    ],
    div(sub(m('followers_end'), m('followers_start')), m('followers_start')),
    'ratio',
    'awareness',
    'awareness',
  ),
  kpi(
    'profile_visits',
    ['Profile visits', 'Visites du profil'],
    ['Σ profile or page visits per day.', 'Σ des visites quotidiennes du profil ou de la page.'],
    m('profile_visits'),
    'count',
    'awareness',
    'awareness',
    additive,
  ),
  kpi(
    'video_views',
    ['Video views', 'Vues des vidéos'],
    [
      'Σ daily views of the account’s videos (daily exports; lifetime per-video counters are not added).',
      'Σ des vues quotidiennes des vidéos du compte (exports quotidiens ; les compteurs à vie par vidéo ne s’y ajoutent pas).',
    ],
    m('video_views'),
    'count',
    'awareness',
    'awareness',
    additive,
  ),
  kpi(
    'watch_time',
    ['Watch time', 'Durée de visionnage'],
    [
      'Σ daily time spent watching the account’s videos, in seconds.',
      'Σ du temps quotidien passé à regarder les vidéos du compte, en secondes.',
    ],
    m('watch_time'),
    'seconds',
    'awareness',
    'awareness',
    additive,
  ),
  kpi(
    'mentions',
    ['Brand mentions', 'Mentions de la marque'],
    ['Count of mentions of the brand by others.', 'Nombre de mentions de la marque par des tiers.'],
    m('mentions'),
    'count',
    'awareness',
    'awareness',
    additive,
  ),
  kpi(
    'share_of_voice',
    ['Share of voice', 'Part de voix'],
    [
      'Brand mentions ÷ (brand + named competitors’ mentions).',
      'Mentions de la marque ÷ (mentions de la marque + des concurrents suivis).',
    ],
    div(m('brand_mentions'), m('all_mentions')),
    'ratio',
    'awareness',
    'awareness',
  ),
  kpi(
    'audience_match',
    ['Audience match', 'Adéquation de l’audience'],
    [
      'Audience in the target personas’ buckets ÷ audience of the targeted dimensions (latest snapshot).',
      'Audience dans les segments des personas cibles ÷ audience des dimensions ciblées (dernier relevé).',
    ],
    div(m('audience_in_persona'), m('audience_targeted')),
    'ratio',
    'awareness',
    'awareness',
  ),

  // Engagement
  kpi(
    'engagements',
    ['Engagements', 'Engagements'],
    [
      'Σ reactions + comments + shares + saves.',
      'Σ réactions + commentaires + partages + enregistrements.',
    ],
    engagements,
    'count',
    'engagement',
    'engagement',
    additive,
  ),
  kpi(
    'engagement_rate_impressions',
    ['Engagement rate (by impressions)', 'Taux d’engagement (sur impressions)'],
    ['Engagements ÷ impressions.', 'Engagements ÷ impressions.'],
    div(engagements, m('impressions')),
    'ratio',
    'engagement',
    'engagement',
  ),
  kpi(
    'engagement_rate_reach',
    ['Engagement rate (by reach)', 'Taux d’engagement (sur couverture)'],
    ['Engagements ÷ reach.', 'Engagements ÷ couverture.'],
    div(engagements, m('reach')),
    'ratio',
    'engagement',
    'engagement',
  ),
  kpi(
    'engagement_rate_followers',
    ['Engagement rate (by followers)', 'Taux d’engagement (sur abonnés)'],
    [
      '(Engagements ÷ posts) ÷ followers at the end: per post.',
      '(Engagements ÷ publications) ÷ abonnés en fin de période : par publication.',
    ],
    perPostPerFollower(engagements),
    'ratio',
    'engagement',
    'engagement',
  ),
  kpi(
    'weighted_engagement',
    ['Weighted engagement', 'Engagement pondéré'],
    [
      'Σ weight × count: reaction 1, comment 2, save 2, share 3 by default (configurable).',
      'Σ poids × nombre : réaction 1, commentaire 2, enregistrement 2, partage 3 par défaut (réglable).',
    ],
    {
      op: 'weighted',
      terms: [
        { weight: 'reaction', measure: 'reactions' },
        { weight: 'comment', measure: 'comments' },
        { weight: 'share', measure: 'shares' },
        { weight: 'save', measure: 'saves' },
      ],
    },
    'count',
    'engagement',
    'engagement',
    additive,
  ),
  kpi(
    'amplification_rate',
    ['Amplification rate', 'Taux d’amplification'],
    [
      '(Shares ÷ posts) ÷ followers at the end.',
      '(Partages ÷ publications) ÷ abonnés en fin de période.',
    ],
    perPostPerFollower(m('shares')),
    'ratio',
    'engagement',
    'engagement',
  ),
  kpi(
    'applause_rate',
    ['Applause rate', 'Taux d’approbation'],
    [
      '(Reactions ÷ posts) ÷ followers at the end.',
      '(Réactions ÷ publications) ÷ abonnés en fin de période.',
    ],
    perPostPerFollower(m('reactions')),
    'ratio',
    'engagement',
    'engagement',
  ),
  kpi(
    'conversation_rate',
    ['Conversation rate', 'Taux de conversation'],
    [
      '(Comments ÷ posts) ÷ followers at the end.',
      '(Commentaires ÷ publications) ÷ abonnés en fin de période.',
    ],
    perPostPerFollower(m('comments')),
    'ratio',
    'engagement',
    'engagement',
  ),
  kpi(
    'virality_rate',
    ['Virality rate', 'Taux de viralité'],
    ['Shares ÷ impressions.', 'Partages ÷ impressions.'],
    div(m('shares'), m('impressions')),
    'ratio',
    'engagement',
    'engagement',
  ),
  kpi(
    'participation',
    ['Participation', 'Participation'],
    [
      'Σ contest entries and other participation events (post counters + participation interactions).',
      'Σ des participations aux concours et autres actions (compteurs des publications + interactions de participation).',
    ],
    add(m('post_participation'), m('participation_events')),
    'count',
    'engagement',
    'engagement',
    additive,
  ),

  // Tonality and recommendation
  kpi(
    'sentiment_positive_share',
    ['Positive sentiment share', 'Part de sentiment positif'],
    [
      'Positive ÷ (positive + neutral + negative) interactions, the brand’s own excluded.',
      'Positifs ÷ (positifs + neutres + négatifs), hors messages de la marque.',
    ],
    div(m('sentiment_positive'), sentimentTotal),
    'ratio',
    'tonality',
    null,
    withUncertain,
  ),
  kpi(
    'sentiment_negative_share',
    ['Negative sentiment share', 'Part de sentiment négatif'],
    [
      'Negative ÷ (positive + neutral + negative) interactions, the brand’s own excluded.',
      'Négatifs ÷ (positifs + neutres + négatifs), hors messages de la marque.',
    ],
    div(m('sentiment_negative'), sentimentTotal),
    'ratio',
    'tonality',
    null,
    { ...lower, ...withUncertain },
  ),
  kpi(
    'net_sentiment',
    ['Net sentiment', 'Sentiment net'],
    [
      '(Positive − negative) ÷ (positive + negative); neutral left out.',
      '(Positifs − négatifs) ÷ (positifs + négatifs) ; neutres exclus.',
    ],
    div(
      sub(m('sentiment_positive'), m('sentiment_negative')),
      add(m('sentiment_positive'), m('sentiment_negative')),
    ),
    'ratio',
    'tonality',
    null,
    withUncertain,
  ),
  kpi(
    'nps',
    ['Net Promoter Score', 'Net Promoter Score'],
    [
      '% promoters (9–10) − % detractors (0–6) of survey answers, −100 to 100.',
      '% de promoteurs (9–10) − % de détracteurs (0–6) des réponses, de −100 à 100.',
    ],
    netPercent(m('nps_promoters'), m('nps_detractors'), m('nps_answers')),
    'score',
    'recommendation',
    null,
  ),
  kpi(
    'recommendation_index',
    ['Recommendation index', 'Indice de recommandation'],
    [
      'NPS-like: % authors net positive − % net negative in their comments and mentions (explicit recommendation language counts double), −100 to 100.',
      'Façon NPS : % d’auteurs au solde positif − % au solde négatif dans leurs commentaires et mentions (une recommandation explicite compte double), de −100 à 100.',
    ],
    netPercent(m('opinion_promoters'), m('opinion_detractors'), m('opinion_authors')),
    'score',
    'recommendation',
    null,
  ),

  // Responsiveness
  kpi(
    'response_rate',
    ['Response rate', 'Taux de réponse'],
    [
      'Inbound comments and messages with a brand reply ÷ inbound comments and messages that expect one (emoji-only or thanks-only texts left out).',
      'Commentaires et messages reçus ayant une réponse de la marque ÷ ceux qui en attendent une (hors emojis seuls et simples remerciements).',
    ],
    div(m('replied_items'), m('inbound_items')),
    'ratio',
    'responsiveness',
    null,
  ),
  kpi(
    'response_time_median',
    ['Response time (median)', 'Délai de réponse (médian)'],
    [
      'Median time from an inbound item to the brand’s first reply, replied items only.',
      'Délai médian entre un message reçu et la première réponse de la marque (messages répondus).',
    ],
    m('response_time_median'),
    'seconds',
    'responsiveness',
    null,
    lower,
  ),
  kpi(
    'response_time_p90',
    ['Response time (90th percentile)', 'Délai de réponse (90e centile)'],
    [
      '90th percentile of the time to the brand’s first reply.',
      '90e centile du délai de première réponse de la marque.',
    ],
    m('response_time_p90'),
    'seconds',
    'responsiveness',
    null,
    lower,
  ),
  kpi(
    'response_time_business_median',
    ['Response time in business hours (median)', 'Délai de réponse en heures ouvrées (médian)'],
    [
      'Median business time (Monday–Friday, 09:00–18:00 UTC unless set) to the brand’s first reply: nights and weekends do not count.',
      'Délai médian en heures ouvrées (lundi–vendredi, 9 h–18 h UTC sauf réglage) jusqu’à la première réponse : nuits et week-ends ne comptent pas.',
    ],
    m('business_response_time_median'),
    'seconds',
    'responsiveness',
    null,
    lower,
  ),
  kpi(
    'response_time_business_p90',
    [
      'Response time in business hours (90th percentile)',
      'Délai de réponse en heures ouvrées (90e centile)',
    ],
    [
      '90th percentile of the business time to the brand’s first reply.',
      '90e centile du délai de première réponse en heures ouvrées.',
    ],
    m('business_response_time_p90'),
    'seconds',
    'responsiveness',
    null,
    lower,
  ),

  // Acquisition and conversion
  kpi(
    'link_clicks',
    ['Link clicks', 'Clics sur les liens'],
    [
      'Σ link clicks of posts + clicks on tracked links (bots excluded).',
      'Σ des clics sur les liens des publications + clics sur les liens suivis (hors robots).',
    ],
    linkClicks,
    'count',
    'conversion',
    'conversion',
    additive,
  ),
  kpi(
    'ctr',
    ['Click-through rate', 'Taux de clic'],
    ['Link clicks ÷ impressions.', 'Clics sur les liens ÷ impressions.'],
    div(linkClicks, m('impressions')),
    'ratio',
    'conversion',
    'conversion',
  ),
  kpi(
    'social_sessions',
    ['Visits from social', 'Visites depuis les réseaux'],
    [
      'Web sessions whose source is a social network.',
      'Sessions web dont la source est un réseau social.',
    ],
    m('social_sessions'),
    'count',
    'conversion',
    'conversion',
    additive,
  ),
  kpi(
    'social_conversion_rate',
    ['Social conversion rate', 'Taux de conversion social'],
    [
      'Conversions from social ÷ visits from social.',
      'Conversions issues des réseaux ÷ visites depuis les réseaux.',
    ],
    div(m('social_conversions'), m('social_sessions')),
    'ratio',
    'conversion',
    'conversion',
  ),
  kpi(
    'conversions',
    ['Conversions', 'Conversions'],
    [
      'Count of conversions attributed to social (purchase, newsletter, download, info request, call, lead, meeting…).',
      'Nombre de conversions attribuées aux réseaux (achat, newsletter, téléchargement, demande d’info, appel, lead, rendez-vous…).',
    ],
    m('social_conversions'),
    'count',
    'conversion',
    'conversion',
    additive,
  ),
  kpi(
    'social_revenue',
    ['Social revenue', 'Chiffre d’affaires social'],
    [
      'Σ value of conversions attributed to social.',
      'Σ de la valeur des conversions attribuées aux réseaux.',
    ],
    m('social_revenue'),
    'currency',
    'conversion',
    'conversion',
    additive,
  ),
  kpi(
    'cpa',
    ['Cost per acquisition', 'Coût par acquisition'],
    ['Spend ÷ conversions from social.', 'Dépenses ÷ conversions issues des réseaux.'],
    div(m('spend'), m('social_conversions')),
    'currency',
    'conversion',
    'conversion',
    lower,
  ),
  kpi(
    'social_roi',
    ['Social ROI', 'ROI social'],
    ['(Social revenue − spend) ÷ spend.', '(Chiffre d’affaires social − dépenses) ÷ dépenses.'],
    div(sub(m('social_revenue'), m('spend')), m('spend')),
    'ratio',
    'conversion',
    'conversion',
  ),

  // Advocacy
  kpi(
    'advocates',
    ['Advocates', 'Ambassadeurs'],
    [
      'Authors with ≥ 2 positive interactions or shares of brand content in the period.',
      'Auteurs ayant ≥ 2 interactions positives ou partages de contenus de la marque sur la période.',
    ],
    m('advocates'),
    'count',
    'advocacy',
    'advocacy',
    additive,
  ),
  kpi(
    'new_influencers',
    ['New influencers', 'Nouveaux influenceurs'],
    [
      'Authors with an audience ≥ 10 000 whose first mention of the brand falls in the period.',
      'Auteurs de ≥ 10 000 abonnés dont la première mention de la marque tombe dans la période.',
    ],
    m('new_influencers'),
    'count',
    'advocacy',
    'advocacy',
    additive,
  ),
  kpi(
    'referrals',
    ['Referrals', 'Recommandations'],
    [
      'Conversions of type referral + shares of brand content by advocates.',
      'Conversions de type parrainage + partages des contenus de la marque par les ambassadeurs.',
    ],
    add(m('referral_conversions'), m('advocate_shares')),
    'count',
    'advocacy',
    'advocacy',
    additive,
  ),

  // Social selling
  kpi(
    'ssi',
    ['Social Selling Index', 'Social Selling Index'],
    [
      'Mean SSI (0–100) of the sellers at the end of the period.',
      'SSI moyen (0–100) des vendeurs en fin de période.',
    ],
    m('ssi_total'),
    'index',
    'social_selling',
    null,
  ),
  kpi(
    'ssi_brand',
    ['SSI: professional brand', 'SSI : marque professionnelle'],
    [
      'Mean “establish your professional brand” pillar, 0–25.',
      'Pilier « établir sa marque professionnelle » moyen, 0–25.',
    ],
    m('ssi_brand'),
    'index',
    'social_selling',
    null,
  ),
  kpi(
    'ssi_people',
    ['SSI: finding the right people', 'SSI : trouver les bonnes personnes'],
    [
      'Mean “find the right people” pillar, 0–25.',
      'Pilier « trouver les bonnes personnes » moyen, 0–25.',
    ],
    m('ssi_people'),
    'index',
    'social_selling',
    null,
  ),
  kpi(
    'ssi_insights',
    ['SSI: engaging with insights', 'SSI : échanger des informations'],
    [
      'Mean “engage with insights” pillar, 0–25.',
      'Pilier « échanger des informations » moyen, 0–25.',
    ],
    m('ssi_insights'),
    'index',
    'social_selling',
    null,
  ),
  kpi(
    'ssi_relationships',
    ['SSI: building relationships', 'SSI : établir des relations'],
    ['Mean “build relationships” pillar, 0–25.', 'Pilier « établir des relations » moyen, 0–25.'],
    m('ssi_relationships'),
    'index',
    'social_selling',
    null,
  ),
  kpi(
    'network_size',
    ['Network size', 'Taille du réseau'],
    [
      'Connections + followers of the sellers at the end of the period.',
      'Relations + abonnés des vendeurs en fin de période.',
    ],
    m('network_size'),
    'count',
    'social_selling',
    null,
  ),
];

export function kpiById(id: string): Kpi | undefined {
  return KPIS.find((candidate) => candidate.id === id);
}
