import {
  Check,
  Clock,
  Edit,
  Eye,
  Home,
  List,
  Location,
  Message,
  Notice,
  Order,
  Phone,
  QrCode,
  Retweet,
  Scan,
  Setting,
  Store,
  User,
  UserAdd,
} from '@nutui/icons-react-taro';
import type { ComponentType } from 'react';
import type { MenuIconName } from '../pages/me/menu';

/** The icon drawn for each name the 我的 menu data uses. */
export const MENU_ICONS: Record<
  MenuIconName,
  ComponentType<{ size?: string | number; color?: string }>
> = {
  home: Home,
  'user-add': UserAdd,
  location: Location,
  order: Order,
  qr: QrCode,
  check: Check,
  message: Message,
  phone: Phone,
  people: User,
  notice: Notice,
  clock: Clock,
  list: List,
  setting: Setting,
  scan: Scan,
  store: Store,
  eye: Eye,
  retweet: Retweet,
  edit: Edit,
};
