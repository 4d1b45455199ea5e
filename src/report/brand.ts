// The brand as the report shows it: name, logo and colour from the settings, checked before use.
export interface Brand {
  name: string;
  /** A data: URI (PNG, JPEG or SVG) so the report stays self-contained; null without a logo. */
  logo: string | null;
  /** #rrggbb */
  colour: string;
  timeZone: string;
}

const COLOUR = /^#[0-9a-f]{6}$/i;
const LOGO = /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/;

export function brandOf(settings: Record<string, string | null>): Brand {
  const colour = settings.brand_colour ?? '';
  const logo = settings.brand_logo ?? '';
  return {
    name: settings.brand_name || 'Cadran',
    logo: LOGO.test(logo) ? logo : null,
    colour: COLOUR.test(colour) ? colour : '#1f4e79',
    timeZone: settings.time_zone || 'Europe/Paris',
  };
}
