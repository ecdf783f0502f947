import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { PageHeader } from '../../app/ui';
import { useT } from '../../i18n';
import { InvitesTab } from './InvitesTab';
import { TokensTab } from './TokensTab';
import { UsersTab } from './UsersTab';

const TABS = ['users', 'invites', 'tokens'] as const;
type Tab = (typeof TABS)[number];

export default function AccessPage() {
  const t = useT();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : 'users';

  const items = [
    ...(can('user:manage')
      ? [
          { key: 'users', label: <span data-testid="access-tab-users">{t('access.users')}</span>, children: <UsersTab /> },
          { key: 'invites', label: <span data-testid="access-tab-invites">{t('access.invites')}</span>, children: <InvitesTab /> },
        ]
      : []),
    ...(can('token:manage') ? [{ key: 'tokens', label: <span data-testid="access-tab-tokens">{t('access.tokens')}</span>, children: <TokensTab /> }] : []),
  ];

  return (
    <>
      <PageHeader title={t('access.title')} subtitle={t('access.subtitle')} />
      <Card>
        <Tabs activeKey={active} items={items} onChange={(key) => setParams({ tab: key }, { replace: true })} destroyOnHidden />
      </Card>
    </>
  );
}
