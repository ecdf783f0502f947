import { Button, Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { TaskView } from '../../../contracts/incidents';
import { EmptyState, LoadError, PageHeader, useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useMyTasks, useSetTaskStatus } from './queries';

export default function MyTasksPage() {
  const t = useT();
  const tasks = useMyTasks();
  const setStatus = useSetTaskStatus();
  const showError = useShowError();
  const today = new Date().toISOString().slice(0, 10);
  if (tasks.error) return <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  return (
    <>
      <PageHeader title={t('tasks.title')} subtitle={t('tasks.subtitle')} testId="my-tasks-page" />
      <Card>
        <Table<TaskView>
          rowKey="id"
          loading={tasks.isLoading}
          dataSource={tasks.data ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState text={t('tasks.empty')} /> }}
          onRow={(r) => ({ 'data-testid': `task-${r.id}` }) as object}
          columns={[
            { title: t('tasks.col.title'), dataIndex: 'title', render: (title, r) => <span style={r.status === 'done' ? { textDecoration: 'line-through', color: '#999' } : undefined}>{title}</span> },
            {
              title: t('tasks.col.source'),
              dataIndex: 'sourceKind',
              width: 140,
              render: (k: string, r) => (k === 'incident_action' && r.sourceId ? <Link to={`/incidents/${r.sourceId}`}>{t('tasks.source.incident_action')}</Link> : t(`tasks.source.${k as 'manual'}`)),
            },
            { title: t('tasks.col.due'), dataIndex: 'dueDate', width: 130, render: (d: string | null, r) => <span style={r.status === 'open' && d && d < today ? { color: '#cf1322' } : undefined}>{d ?? '—'}</span> },
            { title: t('incidents.col.status'), dataIndex: 'status', width: 100, render: (s: 'open' | 'done') => <Tag color={s === 'done' ? 'green' : 'blue'}>{t(`tasks.${s}`)}</Tag> },
            {
              key: 'action',
              width: 110,
              render: (_, r) => (
                <Button size="small" type={r.status === 'open' ? 'primary' : 'default'} loading={setStatus.isPending && setStatus.variables?.id === r.id} onClick={() => setStatus.mutate({ id: r.id, status: r.status === 'open' ? 'done' : 'open' }, { onError: (e) => showError(e) })} data-testid={`task-toggle-${r.id}`}>
                  {r.status === 'open' ? t('tasks.markDone') : t('tasks.reopen')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
