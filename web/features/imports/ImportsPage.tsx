import { PageHeader } from '../../app/ui';
import { useT } from '../../i18n';

export default function ImportsPage() {
  const t = useT();
  return <PageHeader title={t('nav.imports')} subtitle="" />;
}
