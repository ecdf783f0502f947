import { PageHeader } from '../../app/ui';
import { useT } from '../../i18n';

export default function WeeklyReportsPage() {
  const t = useT();
  return <PageHeader title={t('nav.weeklyReports')} subtitle="" />;
}
