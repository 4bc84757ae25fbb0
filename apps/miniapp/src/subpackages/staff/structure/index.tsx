import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { StructureAssistantDto, StructureBuildingDto, StructureRoomDto } from '@linli/contracts';
import { api } from '../../../services/api/api';
import { parseRange, RangeInput, rangePreview } from '../../../services/households/structure';
import { attempt } from '../../../services/request/result';
import { useQuery } from '../../../services/request/use-query';
import { QueryStatus } from '../../../components/query-status';
import { Chip } from '../../../components/chips';
import '../staff.scss';

const EMPTY_RANGE: RangeInput = {
  unitFrom: '1',
  unitTo: '1',
  floorFrom: '1',
  floorTo: '',
  perFloor: '2',
};

/** Runs a change, tells the user, reloads; an error is shown as the server worded it. */
async function change(
  work: () => Promise<unknown>,
  done: string,
  reload: () => Promise<unknown>,
): Promise<boolean> {
  const result = await attempt(async () => {
    await work();
    void Taro.showToast({ title: done, icon: 'success' });
    await reload();
  });
  return result.ok;
}

/**
 * 楼栋房屋管理 (the community's supervisor, admins): buildings → units → rooms. Add a building, generate
 * rooms by range (units × floors × rooms per floor), add, rename or delete one room, rename or delete a
 * building, and choose the building's assistants. Rooms someone lives in or a ticket names cannot be deleted.
 */
export default function StructurePage() {
  const communitiesQuery = useQuery(() => api.structureCommunities(), [], { pullDown: false });
  const communities = communitiesQuery.data ?? [];
  const [chosenCommunity, setCommunityId] = useState<string | null>(null);
  const communityId = chosenCommunity ?? communities[0]?.id ?? null;
  const structure = useQuery(() => api.communityStructure(communityId ?? ''), [communityId], {
    enabled: communityId !== null,
  });
  const data = structure.data;
  const [chosenBuilding, setBuildingId] = useState<string | null>(null);
  // The building chosen, while the community still has it; else its first.
  const buildingId = data?.buildings.some((b) => b.id === chosenBuilding)
    ? chosenBuilding
    : (data?.buildings[0]?.id ?? null);
  const [newBuilding, setNewBuilding] = useState('');
  const load = structure.reload;

  const addBuilding = async () => {
    if (!communityId) return;
    const name = newBuilding.trim();
    if (!name) return void Taro.showToast({ title: '请填写楼栋名称，如 8栋', icon: 'none' });
    await attempt(async () => {
      const created = await api.addBuilding(communityId, { name });
      setNewBuilding('');
      setBuildingId(created.id);
      void Taro.showToast({ title: '已添加楼栋', icon: 'success' });
      await load();
    });
  };

  if (communities.length === 0 && data === null)
    return (
      <View className="page staff">
        <QueryStatus query={communitiesQuery} />
      </View>
    );
  const building = data?.buildings.find((b) => b.id === buildingId) ?? null;

  return (
    <View className="page staff">
      {communities.length > 1 ? (
        <View className="chips">
          {communities.map((c) => (
            <Chip
              key={c.id}
              active={c.id === communityId}
              onClick={() => {
                setCommunityId(c.id);
                setBuildingId(null);
              }}
            >
              {c.name}
            </Chip>
          ))}
        </View>
      ) : null}
      <View className="card staff__item">
        <Text className="staff__title">{`${data?.community.name ?? ''} · ${data?.buildings.length ?? 0} 栋楼`}</Text>
        <Input
          value={newBuilding}
          onChange={setNewBuilding}
          placeholder="新楼栋名称，如 8栋"
          maxLength={50}
        />
        <Button type="primary" size="small" onClick={() => void addBuilding()}>
          添加楼栋
        </Button>
      </View>
      <View className="chips">
        {(data?.buildings ?? []).map((b) => (
          <Chip key={b.id} active={b.id === buildingId} onClick={() => setBuildingId(b.id)}>
            {`${b.name}（${b.roomCount}）`}
          </Chip>
        ))}
      </View>
      {building && data ? (
        <BuildingPanel
          key={building.id}
          building={building}
          assistants={data.assistants}
          reload={() => load()}
        />
      ) : null}
    </View>
  );
}

interface BuildingPanelProps {
  building: StructureBuildingDto;
  assistants: StructureAssistantDto[];
  reload: () => Promise<unknown>;
}

/** One building: its name and order, its assistants, the forms that add rooms, and its rooms by unit. */
function BuildingPanel({ building, assistants, reload }: BuildingPanelProps) {
  const [name, setName] = useState(building.name);
  const [sortOrder, setSortOrder] = useState(String(building.sortOrder));
  const [range, setRange] = useState<RangeInput>(EMPTY_RANGE);
  const [unit, setUnit] = useState('');
  const [number, setNumber] = useState('');
  const [editing, setEditing] = useState<StructureRoomDto | null>(null);
  const preview = rangePreview(building.name, range);
  const serving = new Set(building.assistants.map((a) => a.id));

  const save = () => {
    const order = Number(sortOrder);
    if (!/^\d+$/.test(sortOrder.trim()))
      return void Taro.showToast({ title: '排序请填写整数', icon: 'none' });
    void change(
      () => api.updateBuilding(building.id, { name: name.trim(), sortOrder: order }),
      '已保存',
      reload,
    );
  };
  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除楼栋',
      content: `${building.name}及其 ${building.roomCount} 户空房屋将删除，确定吗？`,
    });
    if (confirm) await change(() => api.deleteBuilding(building.id), '已删除', reload);
  };
  const toggle = (a: StructureAssistantDto) =>
    void change(
      () =>
        serving.has(a.id)
          ? api.unassignAssistant(building.id, a.id)
          : api.assignAssistant(building.id, a.id),
      serving.has(a.id) ? '已取消指派' : '已指派',
      reload,
    );
  const addRange = () => {
    const parsed = parseRange(range);
    if (!parsed || !preview.ok) return void Taro.showToast({ title: preview.text, icon: 'none' });
    void change(() => api.addRoomRange(building.id, parsed), '已生成房屋', reload);
  };
  const addOne = async () => {
    if (!unit.trim() || !number.trim())
      return void Taro.showToast({ title: '请填写单元和房号', icon: 'none' });
    if (await change(() => api.addRoom(building.id, { unit, number }), '已添加房屋', reload))
      setNumber('');
  };
  const field = (key: keyof RangeInput, placeholder: string) => (
    <Input
      className="structure__number"
      type="digit"
      value={range[key]}
      onChange={(v) => setRange({ ...range, [key]: v })}
      placeholder={placeholder}
      maxLength={3}
    />
  );

  return (
    <>
      <View className="card staff__item">
        <Text className="staff__title">楼栋信息</Text>
        <View className="structure__range">
          <Text>名称</Text>
          <Input value={name} onChange={setName} placeholder="楼栋名称" maxLength={50} />
        </View>
        <View className="structure__range">
          <Text>排序</Text>
          <Input
            type="digit"
            value={sortOrder}
            onChange={setSortOrder}
            placeholder="数字小的排在前面"
            maxLength={4}
          />
        </View>
        <View className="staff__buttons">
          <Button size="small" type="primary" onClick={save}>
            保存楼栋
          </Button>
          <Button size="small" onClick={() => void remove()}>
            删除楼栋
          </Button>
        </View>
      </View>
      <View className="card staff__item">
        <Text className="staff__title">礼宾助理</Text>
        <Text className="muted">
          {building.assistants.length
            ? `服务本楼：${building.assistants.map((a) => a.name).join('、')}`
            : '尚未指派礼宾助理'}
        </Text>
        <View className="chips">
          {assistants.map((a) => (
            <Chip key={a.id} active={serving.has(a.id)} onClick={() => toggle(a)}>
              {a.name}
            </Chip>
          ))}
        </View>
        {assistants.length === 0 ? (
          <Text className="muted">本小区还没有礼宾助理账号</Text>
        ) : (
          <Text className="muted">点击姓名指派或取消指派</Text>
        )}
      </View>
      <View className="card staff__item">
        <Text className="staff__title">按范围生成房屋</Text>
        <View className="structure__range">
          <Text>单元</Text>
          {field('unitFrom', '起始单元')}
          <Text>至</Text>
          {field('unitTo', '结束单元')}
        </View>
        <View className="structure__range">
          <Text>楼层</Text>
          {field('floorFrom', '起始楼层')}
          <Text>至</Text>
          {field('floorTo', '结束楼层')}
        </View>
        <View className="structure__range">
          <Text>每层</Text>
          {field('perFloor', '每层户数')}
          <Text>户</Text>
        </View>
        <Text className={preview.ok ? 'muted' : 'staff__error'}>{preview.text}</Text>
        <Button type="primary" size="small" onClick={addRange}>
          生成房屋
        </Button>
      </View>
      <View className="card staff__item">
        <Text className="staff__title">添加单个房屋</Text>
        <Input value={unit} onChange={setUnit} placeholder="单元，如 1 或 1单元" maxLength={20} />
        <Input value={number} onChange={setNumber} placeholder="房号，如 101" maxLength={20} />
        <Button size="small" onClick={() => void addOne()}>
          添加房屋
        </Button>
      </View>
      {building.units.length === 0 ? (
        <Text className="muted">本楼栋还没有房屋，请按范围生成或逐个添加</Text>
      ) : null}
      {building.units.map((u) => (
        <View key={u.unit}>
          <CellGroup title={`${u.unit} · ${u.rooms.length} 户`}>
            {u.rooms.map((r) => (
              <Cell
                key={r.id}
                title={r.label}
                description={
                  r.inUse
                    ? r.memberCount > 0
                      ? `${r.memberCount} 位住户`
                      : '有工单或档案记录'
                    : '空置'
                }
                extra="修改"
                clickable
                onClick={() => setEditing(r)}
              />
            ))}
          </CellGroup>
          {/* The editor opens under the unit of the room tapped, where the eye already is. */}
          {editing?.unit === u.unit ? (
            <RoomEditor
              key={editing.id}
              room={editing}
              close={() => setEditing(null)}
              reload={reload}
            />
          ) : null}
        </View>
      ))}
    </>
  );
}

interface RoomEditorProps {
  room: StructureRoomDto;
  close: () => void;
  reload: () => Promise<unknown>;
}

/** Renames or deletes one room; a room in use can be renamed (corrections) but not deleted. */
function RoomEditor({ room, close, reload }: RoomEditorProps) {
  const [unit, setUnit] = useState(room.unit);
  const [number, setNumber] = useState(room.number);
  const save = async () => {
    if (await change(() => api.updateRoom(room.id, { unit, number }), '已修改', reload)) close();
  };
  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除房屋',
      content: `${room.label}将删除，确定吗？`,
    });
    if (confirm && (await change(() => api.deleteRoom(room.id), '已删除', reload))) close();
  };
  return (
    <View className="card staff__item">
      <Text className="staff__title">{`修改 ${room.label}`}</Text>
      <Input value={unit} onChange={setUnit} placeholder="单元" maxLength={20} />
      <Input value={number} onChange={setNumber} placeholder="房号" maxLength={20} />
      {room.inUse ? (
        <Text className="muted">该房屋已有住户或工单记录，只能修改，不能删除</Text>
      ) : null}
      <View className="staff__buttons">
        <Button size="small" type="primary" onClick={() => void save()}>
          保存
        </Button>
        {!room.inUse ? (
          <Button size="small" onClick={() => void remove()}>
            删除房屋
          </Button>
        ) : null}
        <Button size="small" onClick={close}>
          取消
        </Button>
      </View>
    </View>
  );
}
