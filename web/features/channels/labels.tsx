import { Tag } from 'antd';
import { ApiOutlined, DingdingOutlined, WechatWorkOutlined, SendOutlined } from '@ant-design/icons';
import type { ChannelKind, DeliveryStatus } from '../../../contracts/channels';
import { useT } from '../../i18n';

const KIND_COLOR: Record<ChannelKind, string> = { wecom: 'green', dingtalk: 'blue', feishu: 'geekblue', webhook: 'default' };
const KIND_ICON: Record<ChannelKind, React.ReactNode> = { wecom: <WechatWorkOutlined />, dingtalk: <DingdingOutlined />, feishu: <SendOutlined />, webhook: <ApiOutlined /> };

export function KindTag({ kind }: { kind: ChannelKind }) {
  const t = useT();
  return (
    <Tag color={KIND_COLOR[kind]} icon={KIND_ICON[kind]} data-testid={`kind-${kind}`}>
      {t(`channels.kind.${kind}`)}
    </Tag>
  );
}

const STATUS_COLOR: Record<DeliveryStatus, string> = { pending: 'gold', sending: 'processing', sent: 'success', failed: 'error' };

export function StatusTag({ status }: { status: DeliveryStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]}>{t(`channels.status.${status}`)}</Tag>;
}

export function SeverityTag({ severity }: { severity: string }) {
  const t = useT();
  const color = severity === 'critical' ? 'red' : severity === 'warn' ? 'orange' : 'blue';
  const known = severity === 'critical' || severity === 'warn' || severity === 'info';
  return <Tag color={color}>{known ? t(`channels.severity.${severity}`) : severity}</Tag>;
}
