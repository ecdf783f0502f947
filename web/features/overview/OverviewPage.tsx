import type { ReactNode } from 'react';
import { Alert, Card, Col, Flex, List, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { ApartmentOutlined, CheckCircleOutlined, IdcardOutlined, TeamOutlined, UnorderedListOutlined, VideoCameraOutlined, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { MatrixFinding } from '../../../contracts/catalog';
import { useCan, useMe } from '../../app/session';
import { LoadError, PageHeader } from '../../app/ui';
import { useLocalized, useT } from '../../i18n';
import { useMatrix } from '../catalog/queries';
import { usePeople } from '../people/queries';
import { useRooms, useTeams } from '../team/queries';

function CountCard({ testId, title, value, icon, to, loading }: { testId: string; title: ReactNode; value: number | undefined; icon: ReactNode; to: string; loading: boolean }) {
  return (
    <Link to={to} data-testid={testId} style={{ display: 'block' }}>
      <Card hoverable size="small">
        <Flex align="center" gap={16}>
          <Flex align="center" justify="center" style={{ width: 44, height: 44, borderRadius: 10, background: '#e6f0ff', color: '#1677ff', fontSize: 20, flex: 'none' }}>
            {icon}
          </Flex>
          <Statistic title={title} value={value ?? 0} loading={loading} styles={{ content: { fontSize: 26 } }} />
        </Flex>
      </Card>
    </Link>
  );
}

export default function OverviewPage() {
  const t = useT();
  const pick = useLocalized();
  const me = useMe();
  const can = useCan();
  const teams = useTeams(can('team:read'));
  const rooms = useRooms(undefined, can('room:read'));
  const people = usePeople({ status: 'active' }, can('person:read'));
  const matrix = useMatrix(can('catalog:read'));

  const dutyById = new Map((matrix.data?.duties ?? []).map((d) => [d.id, d]));
  const findings = matrix.data?.findings ?? [];
  const firstError = [teams, rooms, people, matrix].find((q) => q.isError)?.error;

  return (
    <>
      <PageHeader title={t('overview.title')} subtitle={t('overview.subtitle', { name: me.user.displayName })} />
      {firstError ? <LoadError error={firstError} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={8} xxl={4}>
          <CountCard testId="overview-teams" title={t('overview.teams')} value={teams.data?.length} icon={<ApartmentOutlined />} to="/teams" loading={teams.isPending} />
        </Col>
        <Col xs={24} sm={12} lg={8} xxl={5}>
          <CountCard testId="overview-rooms" title={t('overview.rooms')} value={rooms.data?.length} icon={<VideoCameraOutlined />} to="/teams" loading={rooms.isPending} />
        </Col>
        <Col xs={24} sm={12} lg={8} xxl={5}>
          <CountCard testId="overview-people" title={t('overview.peopleActive')} value={people.data?.length} icon={<TeamOutlined />} to="/people" loading={people.isPending} />
        </Col>
        <Col xs={24} sm={12} lg={12} xxl={5}>
          <CountCard testId="overview-positions" title={t('overview.positions')} value={matrix.data?.positions.length} icon={<IdcardOutlined />} to="/positions" loading={matrix.isPending} />
        </Col>
        <Col xs={24} sm={24} lg={12} xxl={5}>
          <CountCard testId="overview-duties" title={t('overview.duties')} value={matrix.data?.duties.length} icon={<UnorderedListOutlined />} to="/duties" loading={matrix.isPending} />
        </Col>
      </Row>
      <Card
        style={{ marginTop: 16 }}
        title={t('overview.findingsTitle')}
        extra={
          <Link to="/matrix" data-testid="overview-open-matrix">
            {t('overview.openMatrix')}
          </Link>
        }
        data-testid="overview-findings"
      >
        <Typography.Paragraph type="secondary">{t('overview.findingsHint')}</Typography.Paragraph>
        {matrix.isPending ? (
          <Skeleton active />
        ) : findings.length === 0 ? (
          <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('overview.noFindings')} data-testid="overview-no-findings" />
        ) : (
          <List<MatrixFinding>
            size="small"
            dataSource={findings}
            pagination={findings.length > 10 ? { pageSize: 10, size: 'small' } : false}
            renderItem={(finding) => {
              const duty = dutyById.get(finding.dutyId);
              return (
                <List.Item
                  data-testid={`overview-finding-${duty?.code ?? finding.dutyId}-${finding.kind}`}
                  actions={[
                    <Link key="fix" to="/matrix?findings=1">
                      {t('overview.fixInMatrix')}
                    </Link>,
                  ]}
                >
                  <Flex gap={8} align="center" wrap>
                    <Tag color="warning" icon={<WarningOutlined />}>
                      {t(`finding.${finding.kind}`)}
                    </Tag>
                    <Typography.Text strong>{duty ? pick(duty.nameZh, duty.nameEn) : finding.dutyId}</Typography.Text>
                    {duty ? <Typography.Text type="secondary">{t(`area.${duty.area}`)}</Typography.Text> : null}
                  </Flex>
                </List.Item>
              );
            }}
          />
        )}
      </Card>
    </>
  );
}
