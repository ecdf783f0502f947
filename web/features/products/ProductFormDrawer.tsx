import { useEffect } from 'react';
import { App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { ProductInput, type ProductCategory, type ProductView } from '../../../contracts/planning';
import { clearErrorsOnChange, parseForm, useContractForm } from '../../app/forms';
import { useShowError } from '../../app/ui';
import { useT } from '../../i18n';
import { fenToYuan, yuanToFen } from '../planning/time';
import { useCategoryOptions } from './labels';
import { useCreateProduct, useUpdateProduct } from './queries';

interface ProductFormValues {
  sku: string;
  name: string;
  category?: ProductCategory;
  /** Yuan in the form; fen in the API. */
  listPriceFen?: number | null;
  livePriceFen?: number | null;
  stock?: number | null;
  sellingPoints: string[];
  imageUrls: string[];
}

export function ProductFormDrawer({ open, product, onClose }: { open: boolean; product: ProductView | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = useContractForm<ProductFormValues>();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const categoryOptions = useCategoryOptions();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      product
        ? {
            sku: product.sku,
            name: product.name,
            category: product.category,
            listPriceFen: fenToYuan(product.listPriceFen),
            livePriceFen: fenToYuan(product.livePriceFen),
            stock: product.stock,
            sellingPoints: product.sellingPoints,
            imageUrls: product.imageUrls,
          }
        : { sku: '', name: '', category: undefined, listPriceFen: null, livePriceFen: null, stock: 0, sellingPoints: [], imageUrls: [] },
    );
  }, [open, product, form]);

  const submit = (values: ProductFormValues) => {
    const candidate = {
      sku: values.sku,
      name: values.name,
      category: values.category,
      listPriceFen: yuanToFen(values.listPriceFen) ?? undefined,
      livePriceFen: yuanToFen(values.livePriceFen) ?? undefined,
      stock: values.stock ?? undefined,
      sellingPoints: values.sellingPoints ?? [],
      imageUrls: values.imageUrls ?? [],
    };
    const input = parseForm(form, ProductInput, candidate, t);
    if (!input) {
      // Tag inputs are one field: an issue with one entry ("imageUrls.1") is shown on the whole list.
      const check = ProductInput.safeParse(candidate);
      const listErrors = new Map<'imageUrls' | 'sellingPoints', string[]>();
      for (const issue of check.success ? [] : check.error.issues) {
        const [field, index] = issue.path;
        if ((field === 'imageUrls' || field === 'sellingPoints') && typeof index === 'number') {
          const entry = String((candidate[field] as string[])[index] ?? '');
          listErrors.set(field, [...(listErrors.get(field) ?? []), t('product.badEntry', { entry: entry.slice(0, 60) })]);
        }
      }
      if (listErrors.size) form.setFields([...listErrors].map(([name, errors]) => ({ name, errors })));
      return;
    }
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (product) update.mutate({ id: product.id, input }, { onSuccess: done, onError: (e) => showError(e, form) });
    else create.mutate(input, { onSuccess: done, onError: (e) => showError(e, form) });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={600}
      forceRender
      title={product ? t('product.editTitle', { name: product.name }) : t('product.createTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="product-submit">
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={clearErrorsOnChange(form)} data-testid="product-form">
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="sku" label={t('product.sku')} required>
              <Input maxLength={64} data-testid="product-sku" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="category" label={t('product.category')} required>
              <Select options={categoryOptions} data-testid="product-category" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="name" label={t('product.name')} required>
              <Input maxLength={120} data-testid="product-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="listPriceFen" label={t('product.listPrice')} required>
              <InputNumber min={0} precision={2} step={1} prefix="¥" style={{ width: '100%' }} data-testid="product-list-price" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="livePriceFen" label={t('product.livePrice')} required>
              <InputNumber min={0} precision={2} step={1} prefix="¥" style={{ width: '100%' }} data-testid="product-live-price" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="stock" label={t('product.stock')} required>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="product-stock" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="sellingPoints" label={t('product.sellingPoints')} extra={t('product.sellingPointsHint')}>
              <Select mode="tags" tokenSeparators={['\n', '；', ';']} open={false} suffixIcon={null} data-testid="product-selling-points" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="imageUrls" label={t('product.imageUrls')} extra={t('product.imageUrlsHint')}>
              <Select mode="tags" tokenSeparators={[' ', ',', '，']} open={false} suffixIcon={null} data-testid="product-image-urls" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
