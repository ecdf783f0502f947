import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Avatar, Button, Dropdown, Flex, Grid, Layout, Menu, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  SmileOutlined,
  BulbOutlined,
  FileTextOutlined,
  ImportOutlined,
  LineChartOutlined,
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  IdcardOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ShoppingOutlined,
  TableOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
  DownOutlined,
  VideoCameraOutlined,
  BarChartOutlined,
  FundProjectionScreenOutlined,
  SafetyOutlined,
  FileProtectOutlined,
  AlertOutlined,
  NotificationOutlined,
  CheckSquareOutlined,
  FireOutlined,
  ReadOutlined,
  HeatMapOutlined,
  BellOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { meKey } from './api';
import type { Permission } from '../../contracts/accounts';
import { useT, type MessageKey } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from '../features/findings/NotificationBell';
import { useMe, useSignOut } from './session';

interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  when?: Permission | 'owner';
  /** Items of a group are listed under its title in the sidebar. */
  group?: 'planning' | 'analysis' | 'compliance' | 'risk' | 'organisation';
}

const NAV: NavItem[] = [
  { key: 'overview', path: '/', label: 'nav.overview', icon: <DashboardOutlined /> },
  { key: 'my-schedule', path: '/my-schedule', label: 'nav.mySchedule', icon: <ScheduleOutlined /> },
  { key: 'my-tasks', path: '/my-tasks', label: 'nav.myTasks', icon: <CheckSquareOutlined /> },
  { key: 'live', path: '/live', label: 'nav.liveWall', icon: <FundProjectionScreenOutlined />, when: 'room:read', group: 'planning' },
  { key: 'sessions', path: '/sessions', label: 'nav.sessions', icon: <VideoCameraOutlined />, when: 'room:read', group: 'planning' },
  { key: 'calendar', path: '/calendar', label: 'nav.calendar', icon: <CalendarOutlined />, when: 'room:read', group: 'planning' },
  { key: 'products', path: '/products', label: 'nav.products', icon: <ShoppingOutlined />, when: 'catalog:read', group: 'planning' },
  { key: 'workload', path: '/workload', label: 'nav.workload', icon: <BarChartOutlined />, when: 'person:read', group: 'planning' },
  { key: 'dashboards', path: '/dashboards', label: 'nav.dashboards', icon: <LineChartOutlined />, when: 'room:read', group: 'analysis' },
  { key: 'suggestions', path: '/suggestions', label: 'nav.suggestions', icon: <BulbOutlined />, when: 'room:read', group: 'analysis' },
  { key: 'imports', path: '/imports', label: 'nav.imports', icon: <ImportOutlined />, when: 'room:read', group: 'analysis' },
  { key: 'weekly-reports', path: '/reports/weekly', label: 'nav.weeklyReports', icon: <FileTextOutlined />, when: 'room:read', group: 'analysis' },
  { key: 'content', path: '/content', label: 'nav.content', icon: <FileProtectOutlined />, when: 'room:read', group: 'compliance' },
  { key: 'findings', path: '/compliance/findings', label: 'nav.findings', icon: <AlertOutlined />, when: 'room:read', group: 'compliance' },
  { key: 'compliance', path: '/compliance/packs', label: 'nav.compliance', icon: <SafetyOutlined />, when: 'catalog:read', group: 'compliance' },
  { key: 'alerts', path: '/alerts', label: 'nav.alerts', icon: <BellOutlined />, when: 'room:read', group: 'risk' },
  { key: 'incidents', path: '/incidents', label: 'nav.incidents', icon: <FireOutlined />, when: 'room:read', group: 'risk' },
  { key: 'playbooks', path: '/playbooks', label: 'nav.playbooks', icon: <ReadOutlined />, when: 'room:read', group: 'risk' },
  { key: 'sentiment-lexicon', path: '/sentiment/lexicon', label: 'nav.sentimentLexicon', icon: <SmileOutlined />, when: 'room:read', group: 'risk' },
  { key: 'risks', path: '/risks', label: 'nav.risks', icon: <HeatMapOutlined />, when: 'room:read', group: 'risk' },
  { key: 'channels', path: '/channels', label: 'nav.channels', icon: <NotificationOutlined />, when: 'channel:manage', group: 'risk' },
  { key: 'teams', path: '/teams', label: 'nav.teams', icon: <ApartmentOutlined />, when: 'team:read', group: 'organisation' },
  { key: 'positions', path: '/positions', label: 'nav.positions', icon: <IdcardOutlined />, when: 'catalog:read', group: 'organisation' },
  { key: 'duties', path: '/duties', label: 'nav.duties', icon: <UnorderedListOutlined />, when: 'catalog:read', group: 'organisation' },
  { key: 'matrix', path: '/matrix', label: 'nav.matrix', icon: <TableOutlined />, when: 'catalog:read', group: 'organisation' },
  { key: 'people', path: '/people', label: 'nav.people', icon: <TeamOutlined />, when: 'person:read', group: 'organisation' },
  { key: 'access', path: '/access', label: 'nav.access', icon: <SafetyCertificateOutlined />, when: 'owner', group: 'organisation' },
  { key: 'audit', path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, when: 'audit:read', group: 'organisation' },
];

const GROUP_LABELS: Record<NonNullable<NavItem['group']>, MessageKey> = { planning: 'nav.groupPlanning', analysis: 'nav.groupAnalysis', compliance: 'nav.groupCompliance', risk: 'nav.groupRisk', organisation: 'nav.groupOrganisation' };

function selectedKey(pathname: string): string {
  const match = NAV.filter((item) => item.path !== '/' && pathname.startsWith(item.path));
  return match[0]?.key ?? (pathname === '/' ? 'overview' : '');
}

export function Shell() {
  const t = useT();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const queryClient = useQueryClient();

  // Every move to another page starts at the top, and re-checks the session: an account deactivated or signed out
  // elsewhere ends up at the sign-in page on its next click instead of browsing cached data.
  useEffect(() => {
    window.scrollTo(0, 0);
    void queryClient.invalidateQueries({ queryKey: meKey });
  }, [location.pathname, queryClient]);

  const visible = NAV.filter((item) => {
    if (!item.when) return true;
    if (item.when === 'owner') return me.user.role === 'owner';
    return me.permissions.includes(item.when);
  });

  const toMenuItem = (item: NavItem) => ({
    key: item.key,
    icon: item.icon,
    label: (
      <Link to={item.path} data-testid={`nav-${item.key}`}>
        {t(item.label)}
      </Link>
    ),
  });
  const menuItems: MenuProps['items'] = [];
  for (const item of visible) {
    if (!item.group) {
      menuItems.push(toMenuItem(item));
      continue;
    }
    const key = `group-${item.group}`;
    let group = menuItems.find((m) => m?.key === key) as { key: string; type: 'group'; label: ReactNode; children: ReturnType<typeof toMenuItem>[] } | undefined;
    if (!group) {
      group = { key, type: 'group', label: <span data-testid={`nav-${key}`}>{t(GROUP_LABELS[item.group])}</span>, children: [] };
      menuItems.push(group);
    }
    group.children.push(toMenuItem(item));
  }

  const userMenu: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined />, label: <span data-testid="menu-profile">{t('nav.profile')}</span> },
    { type: 'divider' },
    { key: 'sign-out', icon: <LogoutOutlined />, label: <span data-testid="menu-sign-out">{t('auth.signOut')}</span> },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={232}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        data-testid="sidebar"
      >
        <div className="sr-brand" data-testid="brand">
          <span className="sr-brand-mark" />
          {collapsed ? null : <span>{t('app.name')}</span>}
        </div>
        {/* Room below the last item for the collapse trigger, which stays fixed over the bottom of a long menu. */}
        <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={menuItems} style={{ paddingBottom: 48 }} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <NotificationBell />
          <LanguageSwitch />
          <Dropdown
            trigger={['click']}
            menu={{
              items: userMenu,
              onClick: ({ key }) => {
                if (key === 'profile') void navigate('/profile');
                if (key === 'sign-out') signOut.mutate();
              },
            }}
          >
            <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
              <Flex align="center" gap={8}>
                <Avatar size="small" style={{ background: '#1677ff' }}>
                  {me.user.displayName.slice(0, 1).toUpperCase()}
                </Avatar>
                {screens.md ? (
                  <Typography.Text strong data-testid="user-name">
                    {me.user.displayName}
                  </Typography.Text>
                ) : null}
                {screens.md ? <Tag style={{ marginInlineEnd: 0 }}>{t(`role.${me.user.role}`)}</Tag> : null}
                <DownOutlined style={{ fontSize: 10 }} />
              </Flex>
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: screens.md ? 24 : 12, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
