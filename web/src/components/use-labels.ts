import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../state/session.tsx';
import type { FilterDimension } from '../state/view.ts';
import { contentTypeLabel, conversionTypeLabel, platformLabel } from './labels.ts';

/** How to show a value of a dimension: platform and content type names, account handles, post ids. */
export function useDimensionLabel() {
  const { language } = useI18n();
  const { dimensions } = useSession();
  const accounts = new Map(dimensions.accounts.map((account) => [account.id, account]));
  return (dimension: FilterDimension | string, value: string | null | undefined): string => {
    if (value === null || value === undefined) return '—';
    switch (dimension) {
      case 'platform':
        return platformLabel(value);
      case 'content_type':
        return contentTypeLabel(value, language);
      case 'conversion_type':
        return conversionTypeLabel(value, language);
      case 'account': {
        const account = accounts.get(value);
        return account ? `${account.name ?? account.handle} · ${platformLabel(account.platform)}` : value;
      }
      default:
        return value;
    }
  };
}
