import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ErrorCode, HouseholdImportRejectionDto, HouseholdImportReportDto } from '@linli/contracts';
import { api } from '../../../services/api/api';
import { ApiRequestError } from '../../../services/request/http';
import { importSummary, rejectionLine } from '../../../services/households/household-sheet';
import { chooseSheetFile, openSheet } from '../../../services/households/sheet-files';
import { useRequiredUser } from '../../../services/session/use-session';
import { useTask } from '../../../services/request/use-action';
import '../staff.scss';

type Outcome =
  | { kind: 'imported'; report: HouseholdImportReportDto }
  | { kind: 'rejected'; message: string; rows: HouseholdImportRejectionDto[] };

/**
 * 住户资料导入 (the community's supervisor, admins): download the template or the current sheet, and
 * import a filled-in sheet chosen from a WeChat chat. A file with any bad row imports nothing; every
 * bad row is listed with its row number so the office can fix the sheet and import it again.
 */
export default function HouseholdSheetPage() {
  const user = useRequiredUser();
  const task = useTask();
  const busy = task.running;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const communityId = user?.communityId ?? null;

  const open = async (which: 'template' | 'export') => {
    if (!communityId) return;
    await task.run(async () => {
      const filePath = await api.downloadHouseholdSheet(communityId, which);
      // In WeChat the viewer's menu forwards the file to a computer to fill it in.
      await openSheet(filePath, which === 'template' ? '住户资料导入模板.xlsx' : '住户资料.xlsx');
    });
  };

  const importFile = async () => {
    if (!communityId) return;
    const filePath = await chooseSheetFile();
    if (!filePath) return;
    setOutcome(null);
    await task.run(async () => {
      try {
        setOutcome({
          kind: 'imported',
          report: await api.importHouseholdSheet(communityId, filePath),
        });
        await Taro.showToast({ title: '导入成功', icon: 'success' });
      } catch (err) {
        // A rejected sheet lists its bad rows on the page; any other failure is the toast.
        if (!(err instanceof ApiRequestError && err.code === ErrorCode.HOUSEHOLD_IMPORT_REJECTED))
          throw err;
        setOutcome({ kind: 'rejected', message: err.message, rows: err.error.rejected ?? [] });
      }
    });
  };

  if (user && !communityId) {
    return (
      <View className="page page--wide staff">
        <View className="card">
          <Text className="muted">您的账号未归属小区，请在管理后台选择小区后再导入住户资料。</Text>
        </View>
      </View>
    );
  }

  return (
    <View className="page page--wide staff">
      <View className="card staff__item">
        <Text className="staff__title">导入步骤</Text>
        <Text className="muted">
          1.
          下载导入模板，转发到电脑，按“填写说明”填写：楼栋、单元、房号、姓名、身份、关系、手机号、入住日期、证件号。
        </Text>
        <Text className="muted">
          {process.env.TARO_ENV === 'h5'
            ? '2. 点“选择文件导入”，选择填好的 .xlsx 或 .csv 文件。'
            : '2. 将填好的 .xlsx 或 .csv 文件发到微信聊天中，再点“选择文件导入”。'}
        </Text>
        <Text className="muted">
          3. 任何一行有误时整个文件都不会导入，请按下方提示修改后重新导入；重复导入不会重复登记。
        </Text>
        <View className="staff__buttons">
          <Button size="small" disabled={busy} onClick={() => void open('template')}>
            下载导入模板
          </Button>
          <Button size="small" disabled={busy} onClick={() => void open('export')}>
            导出住户资料
          </Button>
          <Button
            type="primary"
            size="small"
            loading={busy}
            disabled={busy}
            onClick={() => void importFile()}
          >
            选择文件导入
          </Button>
        </View>
      </View>
      {outcome?.kind === 'imported' ? (
        <View className="card staff__item">
          <Text className="staff__title">导入完成</Text>
          {importSummary(outcome.report).map((line) => (
            <Text key={line}>{line}</Text>
          ))}
        </View>
      ) : null}
      {outcome?.kind === 'rejected' ? (
        <View className="card staff__item">
          <Text className="staff__title">未导入</Text>
          <Text className="staff__error">{outcome.message}</Text>
          {outcome.rows.map((r) => (
            <Text key={r.row} className="staff__reason">
              {rejectionLine(r)}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
