import { PageHeader } from '../../app/ui';
import { useT } from '../../i18n';

export default function SessionReviewPage() {
  const t = useT();
  return <PageHeader title={t('nav.analytics')} subtitle="" />;
}
