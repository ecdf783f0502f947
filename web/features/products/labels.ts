import { ProductCategory } from '../../../contracts/planning';
import { useT } from '../../i18n';

export function useCategoryOptions() {
  const t = useT();
  return ProductCategory.options.map((c) => ({ value: c, label: t(`category.${c}`) }));
}

export const CATEGORY_COLORS: Record<ProductCategory, string> = {
  beauty: 'magenta',
  food: 'orange',
  health_food: 'green',
  apparel: 'purple',
  electronics: 'geekblue',
  home: 'cyan',
  other: 'default',
};
