import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import {
  CategoryTaxonomyDto,
  TICKET_KIND_LABELS,
  TicketCategoryAdminDto,
  UpdateTicketCategoryRequest,
} from '@linli/contracts';
import { api } from '../../../services/api/api';
import { useQuery } from '../../../services/request/use-query';
import { attempt } from '../../../services/request/result';
import '../staff.scss';

/**
 * 报事类别 (supervisors, admins): each category's department, whether it is an emergency by default,
 * and the time-limit standards that time it. Changes apply to tickets reported from then on.
 */
export default function CategoriesPage() {
  const { data, reload: load } = useQuery<CategoryTaxonomyDto>(() => api.categoryTaxonomy(), []);

  const save = async (c: TicketCategoryAdminDto, change: UpdateTicketCategoryRequest) => {
    await attempt(async () => {
      await api.updateCategory(c.code, change);
      void Taro.showToast({ title: '已保存，新报事按此处理', icon: 'none' });
      await load();
    });
  };
  const chooseDepartment = async (c: TicketCategoryAdminDto) => {
    if (!data) return;
    try {
      const { tapIndex } = await Taro.showActionSheet({
        itemList: data.departments.map((d) => d.label),
      });
      await save(c, { department: data.departments[tapIndex].code });
    } catch {
      // closed without choosing
    }
  };
  const policyName = (code: string) => data?.policies.find((p) => p.code === code)?.name ?? code;

  return (
    <View className="page page--wide staff">
      {(data?.categories ?? []).map((c) => (
        <View key={c.code} className="card staff__item category-item">
          <View className="staff__title">
            <Text>{c.name}</Text>
            <View className="staff__buttons">
              {c.serious ? <Tag type="warning">严重</Tag> : null}
              {c.emergency ? (
                <Tag type="danger">紧急</Tag>
              ) : (
                <Text className="muted">{TICKET_KIND_LABELS[c.kind]}</Text>
              )}
            </View>
          </View>
          <Text className="muted">{`${c.departmentLabel} · 时限：${c.slaPolicies.map(policyName).join('、')}`}</Text>
          <View className="staff__buttons">
            <Button size="small" onClick={() => void chooseDepartment(c)}>
              改部门
            </Button>
            <Button size="small" onClick={() => void save(c, { emergency: !c.emergency })}>
              {c.emergency ? '取消紧急' : '设为紧急'}
            </Button>
            <Button size="small" onClick={() => void save(c, { serious: !c.serious })}>
              {c.serious ? '取消严重' : '设为严重'}
            </Button>
          </View>
        </View>
      ))}
    </View>
  );
}
