import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { AssistantCardDto } from '@linli/contracts';
import { formatTime } from '../services/app/format';
import { MESSAGE_ASSISTANT_PAGE } from '../services/app/routes';
import './assistant-card.scss';

/** The building's assistant as residents see them: photo, what they are good at, duty, call or leave a message. */
export function AssistantCard({ card }: { card: AssistantCardDto }) {
  const next = card.shifts.find((s) => !card.onDutyNow || Date.parse(s.startsAt) > Date.now());
  return (
    <View className="assistant-card card">
      <View className="assistant-card__head">
        {card.photoUrl ? (
          <Image className="assistant-card__photo" src={card.photoUrl} mode="aspectFill" />
        ) : (
          <View className="assistant-card__photo assistant-card__photo--empty">
            {card.name.slice(0, 1)}
          </View>
        )}
        <View className="assistant-card__who">
          <Text className="assistant-card__name">{card.name}</Text>
          <Text
            className={`assistant-card__duty${card.onDutyNow ? ' assistant-card__duty--on' : ''}`}
          >
            {card.onDutyNow
              ? '正在值班'
              : next
                ? `下次值班 ${formatTime(next.startsAt)}`
                : '暂无排班'}
          </Text>
        </View>
      </View>
      {card.specialities.length > 0 ? (
        <View className="assistant-card__tags">
          {card.specialities.map((s) => (
            <Text key={s} className="assistant-card__tag">
              {s}
            </Text>
          ))}
        </View>
      ) : null}
      {card.intro ? <Text className="assistant-card__intro">{card.intro}</Text> : null}
      <View className="assistant-card__actions">
        {card.phone ? (
          <Button
            type="primary"
            size="small"
            onClick={() => void Taro.makePhoneCall({ phoneNumber: card.phone! })}
          >
            {`致电 ${card.phone}`}
          </Button>
        ) : null}
        <Button size="small" onClick={() => void Taro.navigateTo({ url: MESSAGE_ASSISTANT_PAGE })}>
          留言
        </Button>
      </View>
    </View>
  );
}
