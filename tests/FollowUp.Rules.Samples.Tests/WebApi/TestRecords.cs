using System.Text.Json.Nodes;

namespace FollowUp.Rules.Samples.Tests.WebApi;

/// <summary>Records as a CRM sends them: Chinese enum labels, numbers where text belongs, timestamps without an offset.</summary>
internal static class TestRecords
{
    /// <summary>A complete ToB record, written the evening of the visit, with its next step due a week after <see cref="WebApiFactory.Now"/>.</summary>
    public static JsonObject Complete() => JsonNode.Parse(
        """
        {
          "id": "FU-2001",
          "scenario": "ToB",
          "recordedAt": "2026-11-25 18:30",
          "owner": "陈晓东",
          "customer": {
            "name": "周立群", "company": "苏州启衡精密机械有限公司", "industry": "精密零部件制造", "companySize": "300-500人",
            "contactTitle": "采购经理", "decisionRole": "影响者", "source": "2026 工博会展位", "level": "A",
            "phone": 13800001001
          },
          "needs": {
            "summary": "上线 WMS 管理原料仓、成品仓 2 个仓库共 8000 个 SKU",
            "quantity": "WMS 授权 60 用户",
            "budget": 800000,
            "painPoints": ["两仓账实不符，月度盘点差异率 3%"],
            "concerns": ["上线周期不超过 3 个月"]
          },
          "communications": [
            {
              "at": "2026-11-25 15:00", "channel": "面谈", "contact": "周立群", "contactTitle": "采购经理", "contactRole": "影响者",
              "summary": "上门拜访 2 小时，确认两仓 8000 个 SKU，客户要求 12 月 3 日前收到报价", "feedback": "满意"
            }
          ],
          "progress": {
            "stage": "需求确认", "stageSince": "2026-11-25",
            "nextAction": "12 月 3 日前发送正式报价单，并约信息部王经理做接口技术交流",
            "nextActionDue": "2026-12-03 18:00",
            "nextActionOwner": "陈晓东"
          }
        }
        """)!.AsObject();

    /// <summary>A record whose author skipped the decision role, the budget and the next step's due date.</summary>
    public static JsonObject MissingRequiredFields()
    {
        var record = Complete();
        record["id"] = "FU-2002";
        record["customer"]!.AsObject().Remove("decisionRole");
        record["needs"]!.AsObject().Remove("budget");
        record["progress"]!.AsObject().Remove("nextActionDue");
        return record;
    }
}
