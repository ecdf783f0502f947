import { useState } from 'react';
import { Button, Input, Modal, Space } from 'antd';
import { CheckOutlined, EyeOutlined } from '@ant-design/icons';
import type { AlertView } from '../../../contracts/alerts';
import { useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { useAckAlert, useResolveAlert } from './queries';

/** Acknowledge and resolve (with an optional note) for an alert that is not resolved yet. */
export function AlertActions({ alert, size, onChanged }: { alert: Pick<AlertView, 'id' | 'status'>; size?: 'small' | 'middle'; onChanged?: () => void }) {
  const t = useT();
  const showError = useShowError();
  const ack = useAckAlert();
  const resolve = useResolveAlert();
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  if (alert.status === 'resolved') return null;
  return (
    <Space size={6}>
      {alert.status === 'open' ? (
        <Button
          size={size}
          icon={<EyeOutlined />}
          loading={ack.isPending}
          data-testid={`alert-ack-${alert.id}`}
          onClick={(e) => {
            e.stopPropagation();
            ack.mutate(alert.id, { onSuccess: onChanged, onError: (err) => showError(err) });
          }}
        >
          {t('alerts.ack')}
        </Button>
      ) : null}
      <Button
        size={size}
        type="primary"
        icon={<CheckOutlined />}
        data-testid={`alert-resolve-${alert.id}`}
        onClick={(e) => {
          e.stopPropagation();
          setNote('');
          setResolving(true);
        }}
      >
        {t('alerts.resolve')}
      </Button>
      <Modal
        open={resolving}
        title={t('alerts.resolveTitle')}
        okText={t('alerts.resolve')}
        confirmLoading={resolve.isPending}
        onCancel={() => setResolving(false)}
        okButtonProps={{ 'data-testid': 'alert-resolve-confirm' } as never}
        onOk={() =>
          resolve.mutate(
            { id: alert.id, note: note.trim() || undefined },
            {
              onSuccess: () => {
                setResolving(false);
                onChanged?.();
              },
              onError: (err) => showError(err),
            },
          )
        }
        destroyOnHidden
      >
        <div onClick={(e) => e.stopPropagation()}>
          <Input.TextArea rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('alerts.resolveNote')} data-testid="alert-resolve-note" />
        </div>
      </Modal>
    </Space>
  );
}
