// The exports a user may force instead of detection (names as in src/ingest/native/registry.ts and choose.ts).
// The server knows them too; a GET listing them would let this file go.
export const IMPORT_FORMATS: { name: string; label: [en: string, fr: string] }[] = [
  { name: 'facebook-posts', label: ['Facebook Page posts (Meta Business Suite)', 'Publications de Page Facebook (Meta Business Suite)'] },
  { name: 'instagram-posts', label: ['Instagram posts (Meta Business Suite)', 'Publications Instagram (Meta Business Suite)'] },
  { name: 'linkedin-content', label: ['LinkedIn page content (.xls)', 'Contenu de page LinkedIn (.xls)'] },
  { name: 'linkedin-followers', label: ['LinkedIn page followers (.xls)', 'Abonnés de page LinkedIn (.xls)'] },
  { name: 'linkedin-visitors', label: ['LinkedIn page visitors (.xls)', 'Visiteurs de page LinkedIn (.xls)'] },
  { name: 'x-post-activity', label: ['X post activity', 'Activité des posts X'] },
  { name: 'x-account-content', label: ['X account content', 'Contenu du compte X'] },
  { name: 'x-account-overview', label: ['X account overview (per day)', 'Vue d’ensemble du compte X (par jour)'] },
  { name: 'youtube-content', label: ['YouTube Studio content', 'Contenu YouTube Studio'] },
  { name: 'youtube-chart-data', label: ['YouTube Studio chart data (per video per day)', 'Données du graphique YouTube Studio (par vidéo et par jour)'] },
  { name: 'youtube-totals', label: ['YouTube Studio totals (per day)', 'Totaux YouTube Studio (par jour)'] },
  { name: 'tiktok-content', label: ['TikTok content', 'Contenu TikTok'] },
  { name: 'tiktok-overview', label: ['TikTok overview', 'Vue d’ensemble TikTok'] },
  { name: 'tiktok-followers', label: ['TikTok follower history', 'Historique des abonnés TikTok'] },
  { name: 'ga4-report', label: ['Google Analytics 4 report', 'Rapport Google Analytics 4'] },
  { name: 'survey-nps', label: ['NPS survey export', 'Export d’enquête NPS'] },
  { name: 'cadran-csv', label: ['Cadran CSV template', 'Modèle CSV Cadran'] },
];
