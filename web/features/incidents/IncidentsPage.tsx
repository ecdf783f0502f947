import { useState } from 'react';
import { Button, Card, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { IncidentView } from '../../../contracts/incidents';
import { useCan } from '../../app/session';
import { EmptyState, LoadError, PageHeader, useFormat } from '../../app/ui';
import { useT } from '../../i18n';
import { SeverityTag, StatusTag } from './labels';
import { OpenIncidentModal } from './OpenIncidentModal';
import { useIncidents } from './queries';

export default function IncidentsPage() {
  const t = useT();
  const can = useCan();
  const fmt = useFormat();
  const list = useIncidents();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState(false);
  // /incidents?playbook=<id> (from the playbooks page) opens the form with that playbook.
  const playbookId = params.get('playbook') ?? undefined;

  return (
    <>
      <PageHeader
        title={t('incidents.title')}
        subtitle={t('incidents.subtitle')}
        testId="incidents-page"
        extra={can('incident:write') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="incident-new">{t('incidents.open')}</Button> : null}
      />
      <Card>
        {list.error ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<IncidentView>
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data ?? []}
            locale={{ emptyText: <EmptyState text={t('incidents.empty')} /> }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('incidents.col.severity'), dataIndex: 'severity', width: 90, render: (s) => <SeverityTag severity={s} /> },
              { title: t('incidents.col.title'), dataIndex: 'title', render: (title, r) => <Link to={`/incidents/${r.id}`} data-testid={`incident-link-${r.id}`}>{title}</Link> },
              { title: t('incidents.col.status'), dataIndex: 'status', width: 120, render: (s) => <StatusTag status={s} /> },
              { title: t('incidents.col.alerts'), key: 'alerts', width: 80, render: (_, r) => r.alertIds.length || '—' },
              { title: t('incidents.col.openedAt'), dataIndex: 'openedAt', width: 190, render: (at) => fmt.dateTime(at) },
            ]}
          />
        )}
      </Card>
      <OpenIncidentModal
        open={open || Boolean(playbookId)}
        playbookId={playbookId}
        onClose={() => {
          setOpen(false);
          if (playbookId) setParams({}, { replace: true });
        }}
      />
    </>
  );
}
