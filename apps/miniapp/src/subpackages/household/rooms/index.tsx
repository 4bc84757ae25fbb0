import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { BuildingDto, RoomSummaryDto } from '@linli/contracts';
import { api } from '../../../services/api/api';
import { householdFilePage } from '../../../services/app/routes';
import { attempt } from '../../../services/request/result';
import { Chip } from '../../../components/chips';
import '../household.scss';

/** 住户档案: the caller's buildings, then each room with its household in brief. */
export default function RoomsPage() {
  const [buildings, setBuildings] = useState<BuildingDto[]>([]);
  const [current, setCurrent] = useState<BuildingDto | null>(null);
  const [rooms, setRooms] = useState<RoomSummaryDto[]>([]);
  const open = async (b: BuildingDto) => {
    setCurrent(b);
    await attempt(async () => {
      setRooms(await api.rooms(b.id));
    });
  };
  useDidShow(() => {
    void attempt(async () => {
      const list = await api.buildings();
      setBuildings(list);
      const first = current ?? list[0];
      if (first) void open(first);
    });
  });
  return (
    <View className="page page--wide household">
      <View className="chips">
        {buildings.map((b) => (
          <Chip key={b.id} active={b.id === current?.id} onClick={() => void open(b)}>
            {b.name}
          </Chip>
        ))}
      </View>
      <CellGroup>
        {rooms.map((r) => (
          <Cell
            key={r.roomId}
            title={r.label}
            description={r.householdId ? `${r.memberCount} 位住户` : '暂无住户档案'}
            extra={
              r.openTickets > 0 ? (
                <Text className="household__open">{r.openTickets} 张在办工单</Text>
              ) : (
                ''
              )
            }
            clickable={r.householdId !== null}
            onClick={() =>
              r.householdId && void Taro.navigateTo({ url: householdFilePage(r.householdId) })
            }
          />
        ))}
      </CellGroup>
    </View>
  );
}
