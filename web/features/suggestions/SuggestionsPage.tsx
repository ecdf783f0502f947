import { PageHeader } from '../../app/ui';
import { useT } from '../../i18n';

export default function SuggestionsPage() {
  const t = useT();
  return <PageHeader title={t('nav.suggestions')} subtitle="" />;
}
