import { PageHeader } from '../../app/ui';
import { useT } from '../../i18n';

export default function DashboardsPage() {
  const t = useT();
  return <PageHeader title={t('nav.dashboards')} subtitle="" />;
}
