<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Attachments</name>
    <message>
        <location filename="../client/register/Attachments.cpp" line="+129"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Files cannot be attached to %1.</source>
        <translation>%1不能附加文件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no record with id %2.</source>
        <translation>%1中没有编号为 %2 的记录。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No attached file has the id %1.</source>
        <translation>没有编号为 %1 的附件。</translation>
    </message>
</context>
<context>
    <name>BureauSession</name>
    <message>
        <location filename="../client/bureau/BureauSession.cpp" line="+55"/>
        <source>The county CA is not set.</source>
        <translation>尚未设置县级 CA。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Not logged in.</source>
        <translation>尚未登录。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account is locked by the county administrator. Ask them to unlock it (emisctl user unlock).</source>
        <translation>该账户已被县管理员锁定。请联系管理员解锁（emisctl user unlock）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong passwords from this computer. Wait a little and try again. (%1)</source>
        <translation>本机输错密码次数过多，请稍等片刻再试。（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The county server is busy. Try again in a few minutes.</source>
        <translation>县服务器繁忙，请过几分钟再试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your account is not allowed to do this. (%1)</source>
        <translation>您的账户无权进行此操作。（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This county server does not offer the report “%1” yet; it may need an update.</source>
        <translation>县服务器尚未提供报表“%1”，服务器可能需要升级。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server is not the county server: its certificate is not signed by the county CA you set. Check the address and the CA fingerprint. (%1)</source>
        <translation>该服务器不是本县服务器：其证书不是由您设置的县级 CA 签发的。请检查地址和 CA 指纹。（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the county CA fingerprint (ask the county IT; `emisctl ca` prints it) or choose the CA file.</source>
        <translation>请输入县级 CA 指纹（向县信息中心索取，`emisctl ca` 可显示），或选择 CA 证书文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not accept this request from your session. (%1)</source>
        <translation>服务器未接受本次会话的此请求。（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The county server cannot be reached. Check the address and the network, then try again. (%1)</source>
        <translation>无法连接县服务器。请检查地址和网络后重试。（%1）</translation>
    </message>
</context>
<context>
    <name>CsvExporter</name>
    <message>
        <location filename="../client/io/CsvExporter.cpp" line="+47"/>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <location filename="../client/io/CsvReader.cpp" line="+62"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is larger than %2 MB; split it into smaller files.</source>
        <translation>%1 超过 %2 MB，请拆分成较小的文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Line %1: a quoted cell is never closed (a &quot; is missing).</source>
        <translation>第 %1 行：有一个引号括起的单元格没有结束（缺少一个 &quot;）。</translation>
    </message>
</context>
<context>
    <name>ImportPlan</name>
    <message>
        <location filename="../client/io/ImportPlan.cpp" line="+103"/>
        <source>No table was chosen for the import.</source>
        <translation>没有选择要导入的数据表。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line %1, column %2: the header &quot;%3&quot; holds characters that cannot be read; the file is damaged there or in the wrong encoding. Correct the header and import again.</source>
        <translation>第 %1 行第 %2 列：表头“%3”含有无法识别的字符，文件在此处已损坏或编码不对。请改正表头后重新导入。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file has no column for %1. Add the column, or pick the column that holds it.</source>
        <translation>文件中没有“%1”列。请添加该列，或指定存放它的列。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>导入已取消，没有修改任何数据。</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>No header row found in %1: none of the first rows names two columns of %2 (such as %3).</source>
        <translation>在 %1 中找不到表头行：前几行中没有一行含有%2的两个列名（例如 %3）。</translation>
    </message>
</context>
<context>
    <name>ImportService</name>
    <message>
        <location filename="../client/register/ImportService.cpp" line="+97"/>
        <source>The local database could not start the import.</source>
        <translation>本地数据库无法开始导入。</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+35"/>
        <location line="+7"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The local database could not commit the import.</source>
        <translation>本地数据库无法提交本次导入。</translation>
    </message>
</context>
<context>
    <name>PromotionService</name>
    <message>
        <location filename="../client/register/PromotionService.cpp" line="+166"/>
        <source>The local database could not start the promotion.</source>
        <translation>本地数据库无法开始升级。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The local database could not commit the promotion.</source>
        <translation>本地数据库无法提交升级。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>There is no promotion to undo.</source>
        <translation>没有可撤销的升级。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source> and %1 more</source>
        <translation>等另外%1人</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The promotion cannot be undone: %n pupil(s) were changed since (%1). Correct them one by one.</source>
        <translation>
            <numerusform>无法撤销升级：升级后有%n名学生的学籍已变动（%1）。请逐个更正。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The local database could not start the undo.</source>
        <translation>本地数据库无法开始撤销。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The local database could not commit the undo.</source>
        <translation>本地数据库无法提交撤销。</translation>
    </message>
</context>
<context>
    <name>ReportData</name>
    <message>
        <location filename="../client/report/ReportData.cpp" line="+18"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server sent a report that cannot be read: %1</source>
        <translation>服务器发来的报表无法读取：%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Days silent</source>
        <translation>未同步天数</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>一人多籍: one ID number in several places</source>
        <translation>一人多籍（同一身份证件号多处在籍）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>likely the same child twice</source>
        <translation>疑似重复学籍</translation>
    </message>
</context>
<context>
    <name>ScoreImport</name>
    <message>
        <location filename="../client/register/ScoreImport.cpp" line="+100"/>
        <source>No exam %1 here: it is neither this school&apos;s own nor a county exam this school takes part in (sync first to receive the county&apos;s exams).</source>
        <translation>本机没有考试 %1：它既不是本校自己的考试，也不是本校参加的县联考（请先同步以接收县里的考试）。</translation>
    </message>
</context>
<context>
    <name>ScoreSheet</name>
    <message>
        <location filename="../client/io/ScoreSheet.cpp" line="+185"/>
        <source>No header row found: none of the first rows names the pupils (姓名, 学籍号 or 身份证件号) and a subject of this exam (%1), or 科目 and 成绩.</source>
        <translation>找不到表头行：前几行中没有一行同时写明学生（姓名、学籍号或身份证件号）和本次考试的科目（%1），也没有“科目”和“成绩”两列。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Column %1 (%2) is not read.</source>
        <translation>第%1列（%2）未导入。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sheet has no column for %1.</source>
        <translation>表中没有“%1”一列。</translation>
    </message>
</context>
<context>
    <name>SheetFile</name>
    <message>
        <location filename="../client/io/SheetFile.cpp" line="+15"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A CSV file has one sheet only.</source>
        <translation>CSV 文件只有一个工作表。</translation>
    </message>
</context>
<context>
    <name>StatusChangeService</name>
    <message>
        <location filename="../client/register/StatusChangeService.cpp" line="+54"/>
        <source>No pupil has the id, student number or ID number %1.</source>
        <translation>没有记录标识、学籍号或身份证件号为%1的学生。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No pupil with id %1.</source>
        <translation>没有记录标识为%1的学生。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 already has a request waiting for the bureau (%2 of %3); withdraw it first.</source>
        <translation>%1已有一项待教育局审批的申请（%3的%2）；请先撤回。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The local database could not commit the change.</source>
        <translation>本地数据库无法提交该异动。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No status change with id %1.</source>
        <translation>没有记录标识为%1的学籍异动。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only a request waiting for the bureau can be withdrawn; this one is %1.</source>
        <translation>只有待审批的申请可以撤回；该申请当前为“%1”。</translation>
    </message>
</context>
<context>
    <name>XlsxExporter</name>
    <message>
        <location filename="../client/io/XlsxExporter.cpp" line="+42"/>
        <location line="+65"/>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+36"/>
        <location line="+20"/>
        <location line="+43"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+63"/>
        <source>Cannot write %1: the sheet could not be created.</source>
        <translation>无法写入 %1：无法创建工作表。</translation>
    </message>
</context>
<context>
    <name>XlsxReader</name>
    <message>
        <location filename="../client/io/XlsxReaderText.cpp" line="+10"/>
        <source>%1 is not a readable Excel workbook (%2). Open it in Excel or WPS and save it again as .xlsx.</source>
        <translation>%1 不是可读取的 Excel 工作簿（%2）。请用 Excel 或 WPS 打开，再另存为 .xlsx。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>its part %1 unpacks to more than %2 MB</source>
        <translation>其中的部件 %1 解压后超过 %2 MB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its parts unpack to more than %1 MB in all</source>
        <translation>其中各部件解压后合计超过 %1 MB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its part %1 is packed more than %2 times tighter than a spreadsheet ever is</source>
        <translation>其中的部件 %1 压缩比超过 %2 倍，正常表格从不会压缩得这么紧</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its part %1 holds more than %2 MB of text or markup without a break</source>
        <translation>其中的部件 %1 有一段超过 %2 MB 的连续文字或标记</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its part %1 holds an element with more than %2 attributes</source>
        <translation>其中的部件 %1 有一个元素带有超过 %2 个属性</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not imported: %2. A real roster never does this: the file is damaged or was made to overload the computer. Ask for the roster again, saved from Excel or WPS.</source>
        <translation>%1 未导入：%2。正常的名册不会这样：文件已损坏，或是被人故意做成拖垮电脑的文件。请向对方重新索取用 Excel 或 WPS 保存的名册。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not imported: %2 holds more than %3 characters, more than Excel allows in one cell. Open the file in Excel or WPS, shorten that cell and save it again.</source>
        <translation>%1 未导入：%2 超过 %3 个字符，超出了 Excel 对一个单元格的限制。请用 Excel 或 WPS 打开文件，缩短该单元格的内容后重新保存。</translation>
    </message>
    <message>
        <location filename="../client/io/XlsxReader.cpp" line="+45"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The workbook cannot be read: it is not open for reading.</source>
        <translation>无法读取工作簿：它没有以读取方式打开。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the workbook</source>
        <translation>工作簿</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is protected with a password or is an old .xls file. Open it in Excel or WPS, remove the password and save it as .xlsx.</source>
        <translation>%1 设有密码或是旧的 .xls 文件。请用 Excel 或 WPS 打开，去掉密码后另存为 .xlsx。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a zip package</source>
        <translation>不是 zip 压缩包</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>it has no worksheet</source>
        <translation>其中没有工作表</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>text number %1 of the workbook&apos;s shared strings</source>
        <translation>工作簿共享字符串中的第 %1 项文字</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>too many strings</source>
        <translation>字符串过多</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No workbook is open.</source>
        <translation>没有打开的工作簿。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no sheet number %2.</source>
        <translation>%1 中没有第 %2 个工作表。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 has no sheet named &quot;%2&quot;.</source>
        <translation>%1 中没有名为“%2”的工作表。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>a cell refers to a missing shared string</source>
        <translation>有单元格引用了不存在的共享字符串</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>sheet &quot;%1&quot; is missing</source>
        <translation>缺少工作表“%1”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>row number %1 is out of range</source>
        <translation>行号 %1 超出范围</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cell reference %1 is out of range</source>
        <translation>单元格引用 %1 超出范围</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cell %1%2 of sheet &quot;%3&quot;</source>
        <translation>工作表“%3”的单元格 %1%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>more than %1 cells</source>
        <translation>超过 %1 个单元格</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>sheet &quot;%1&quot;: %2</source>
        <translation>工作表“%1”：%2</translation>
    </message>
</context>
<context>
    <name>emis-cli</name>
    <message>
        <location filename="../client/cli/CliSupport.cpp" line="+20"/>
        <source>--data-dir is required.</source>
        <translation>必须指定 --data-dir。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create the data directory %1.</source>
        <translation>无法创建数据目录 %1。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--set takes FIELD=VALUE, not %1.</source>
        <translation>--set 的格式为 字段=值，而不是 %1。</translation>
    </message>
    <message>
        <location filename="../client/cli/IssueCommands.cpp" line="+155"/>
        <source>Rejection %1 discarded; the server&apos;s values return on the next sync.</source>
        <translation>已放弃被拒绝的变更 %1；下次同步时将恢复服务器上的值。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Conflict %1 discarded.</source>
        <translation>已放弃冲突 %1。</translation>
    </message>
    <message>
        <location filename="../client/cli/WorkflowCommands.cpp" line="+96"/>
        <source>Agreed to transfer request %1.</source>
        <translation>已同意转学申请 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refused transfer request %1.</source>
        <translation>已不同意转学申请 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Withdrew transfer request %1.</source>
        <translation>已撤回转学申请 %1。</translation>
    </message>
</context>
<context>
    <name>emis::bureau</name>
    <message>
        <location filename="../client/bureau/CaTrust.cpp" line="+28"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 holds no certificate (a PEM file such as ca.pem).</source>
        <translation>%1 中没有证书（应为 ca.pem 这样的 PEM 文件）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The server at %1 does not present the county CA with the fingerprint %2.</source>
        <translation>%1 上的服务器未出示指纹为 %2 的县级 CA。</translation>
    </message>
    <message>
        <location filename="../client/bureau/ReportExport.cpp" line="+44"/>
        <location line="+64"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>emis::bureau::ApprovalsPage</name>
    <message>
        <location filename="../client/bureau/ApprovalsPage.cpp" line="+25"/>
        <source>Requests awaiting the bureau</source>
        <translation>待教育局审批的申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected request</source>
        <translation>选中的申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <source>Select a request in the list.</source>
        <translation>请在列表中选择一条申请。</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>审批意见: the bureau&apos;s note (required to refuse)</source>
        <translation>审批意见（驳回时必填）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refuse</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Evidence (佐证材料); double-click to enlarge:</source>
        <translation>佐证材料（双击放大）：</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>No evidence images are attached to this request.</source>
        <translation>此申请没有附佐证材料。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Write the reason for refusing in the note first.</source>
        <translation>请先在审批意见中写明驳回理由。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Approved.</source>
        <translation>已批准。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused.</source>
        <translation>已驳回。</translation>
    </message>
</context>
<context>
    <name>emis::bureau::BureauWindow</name>
    <message>
        <location filename="../client/bureau/BureauWindow.cpp" line="+32"/>
        <source>%1 %2</source>
        <comment>role</comment>
        <extracomment>%1 the office&apos;s Chinese name, %2 its English name</extracomment>
        <translation>%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, read only</source>
        <translation>%1，只读</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CountyEMIS — education bureau</source>
        <translation>区县教育管理信息系统 — 教育局</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How fresh each school&apos;s data is</source>
        <translation>各校数据更新情况</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Silent when the last sync is older than</source>
        <translation>超过以下天数未同步视为失联：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem records (一人多籍, likely duplicates)</source>
        <translation>问题学籍（一人多籍、疑似重复）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problem records awaiting the schools</source>
        <translation>待学校处理的问题学籍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One person, one record: the check as of now</source>
        <translation>一人一籍：当前核查结果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>County figures</source>
        <translation>全县概况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drill down</source>
        <translation>逐级查询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exams</source>
        <translation>考试成绩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schools&apos; data</source>
        <translation>学校数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem records</source>
        <translation>问题学籍</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Staff files</source>
        <translation>教师档案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh all</source>
        <translation>全部刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Logged in as %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Asking the county server…</source>
        <translation>正在向县服务器查询…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The language changes when the program starts next time.</source>
        <translation>语言将在下次启动程序时切换。</translation>
    </message>
</context>
<context>
    <name>emis::bureau::DashboardPage</name>
    <message>
        <location filename="../client/bureau/DashboardPage.cpp" line="+28"/>
        <location line="+162"/>
        <source>County figures</source>
        <translation>全县概况</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Pupils in school</source>
        <translation>在校生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>boys %1, girls %2</source>
        <translation>男 %1，女 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Primary (小学)</source>
        <translation>小学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Junior secondary (初中)</source>
        <translation>初中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Senior secondary (高中)</source>
        <translation>高中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Classes</source>
        <translation>班级数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>average %1 pupils</source>
        <translation>平均班额 %1 人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>大班额 (56 or more)</source>
        <translation>大班额（56人及以上）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超大班额 (66 or more)</source>
        <translation>超大班额（66人及以上）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Full-time teachers</source>
        <translation>专任教师</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+42"/>
        <source>Primary</source>
        <translation>小学</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+42"/>
        <source>Junior</source>
        <translation>初中</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+42"/>
        <source>Senior</source>
        <translation>高中</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+4"/>
        <source>%1 pupils per teacher</source>
        <translation>%1生师比</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>no pupils at this stage</source>
        <translation>该学段无在校生</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 pupils, no full-time teacher</source>
        <translation>在校生 %1 人，无专任教师</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>within the norm of %1</source>
        <translation>达标（标准 %1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>over the norm of %1</source>
        <translation>超标（标准 %1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Left-behind (留守儿童)</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Migrant (随迁子女)</source>
        <translation>随迁子女</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered poor (建档立卡)</source>
        <translation>建档立卡</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Boarders (寄宿)</source>
        <translation>寄宿生</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Pupils by township</source>
        <translation>各乡镇在校生</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pupils per teacher</source>
        <translation>生师比</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Norm</source>
        <translation>标准</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pupils per full-time teacher against the norms</source>
        <translation>生师比与标准对比</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the whole county</source>
        <translation>全县</translation>
    </message>
</context>
<context>
    <name>emis::bureau::DrillPage</name>
    <message>
        <location filename="../client/bureau/DrillPage.cpp" line="+21"/>
        <source>Pupils in school (enrolment)</source>
        <translation>在校生统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class size (大班额 56 or more, 超大班额 66 or more)</source>
        <translation>班额统计（大班额56人及以上，超大班额66人及以上）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Special groups</source>
        <translation>特殊群体学生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff structure (age, title, education, staffing, key teachers)</source>
        <translation>教职工结构（年龄、职称、学历、编制、骨干）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teacher training hours in the five-year cycle (360 due)</source>
        <translation>教师培训学时（五年周期应满360学时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teacher assessments and the IT skills test</source>
        <translation>教师考核与信息技术能力测评</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equipment against the norms (computers, multimedia, servers)</source>
        <translation>装备配置与达标（计算机、班班通、服务器）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equipment replacement plan (past service life, due in the next three years)</source>
        <translation>设备更新计划（超期服役及今后三年到期）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use of computer rooms and labs</source>
        <translation>计算机教室和实验室使用情况</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Report:</source>
        <translation>报表：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double-click a row to open the level below.</source>
        <translation>双击一行可查看下一级。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>County</source>
        <translation>全县</translation>
    </message>
</context>
<context>
    <name>emis::bureau::ExamPage</name>
    <message>
        <location filename="../client/bureau/ExamPage.cpp" line="+34"/>
        <source>Analysis (mean, rates, rank, against the county)</source>
        <translation>成绩分析（平均分、各率、名次、与全县比较）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score bands (every 10% of full marks)</source>
        <translation>分数段（每满分的10%一段）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weak subjects and classes</source>
        <translation>薄弱学科与薄弱班级</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Change since the previous exam</source>
        <translation>与上次考试比较(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beside each figure, its change since the previous scored exam of the same grade</source>
        <translation>在每个数字旁显示与同年级上一次已录成绩考试相比的变化</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Exam:</source>
        <translation>考试：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Double-click a row to open the level below.</source>
        <translation>双击一行查看下一级。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>County</source>
        <translation>全县</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No county exam yet: 教研室 adds one (emisctl exam add).</source>
        <translation>还没有县联考：由教研室添加（emisctl exam add）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Total (总分)</source>
        <translation>总分</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>no earlier scored exam of this grade to compare with</source>
        <translation>本年级没有更早的已录成绩考试可比较</translation>
    </message>
</context>
<context>
    <name>emis::bureau::LoginDialog</name>
    <message>
        <location filename="../client/bureau/LoginDialog.cpp" line="+38"/>
        <source>CountyEMIS bureau — log in</source>
        <translation>教育局报表工作站 — 登录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 10.12.0.5:7443</source>
        <translation>例如 10.12.0.5:7443</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>32 hex digits, from the county IT (emisctl ca)</source>
        <translation>32位十六进制数，由县信息中心提供（emisctl ca）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA file…</source>
        <translation>CA 文件…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>County server:</source>
        <translation>县服务器：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>County CA fingerprint:</source>
        <translation>县级 CA 指纹：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This server&apos;s county CA is known from an earlier login.</source>
        <translation>已从上次登录记住该服务器的县级 CA。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First login to this server: enter the county CA fingerprint that the county IT gives you (emisctl ca prints it), or choose the CA file (ca.pem).</source>
        <translation>首次登录此服务器：请输入县信息中心提供的县级 CA 指纹（emisctl ca 可显示），或选择 CA 证书文件（ca.pem）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The county CA</source>
        <translation>县级 CA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The CA from %1.</source>
        <translation>使用 %1 中的 CA。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>emis::bureau::ReportPage</name>
    <message>
        <location filename="../client/bureau/ReportPage.cpp" line="+17"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the whole county</source>
        <translation>全县</translation>
    </message>
</context>
<context>
    <name>emis::bureau::ReportView</name>
    <message>
        <location filename="../client/bureau/ReportView.cpp" line="+34"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export to PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Nothing to list: the county server found no rows for this report.</source>
        <translation>没有可列出的内容：县服务器在此报表中没有找到记录。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Asking the county server…</source>
        <translation>正在向县服务器查询…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 — county server report of %2</source>
        <translation>%1 — 县服务器报表，%2</translation>
    </message>
</context>
<context>
    <name>emis::bureau::StaffFileDialog</name>
    <message>
        <location filename="../client/bureau/StaffPage.cpp" line="+105"/>
        <location line="+42"/>
        <location line="+50"/>
        <source>Teacher file</source>
        <translation>教师成长档案</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Asking the county server…</source>
        <translation>正在向县服务器查询…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the file as PDF</source>
        <translation>将档案保存为 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>emis::bureau::StaffPage</name>
    <message>
        <location line="-176"/>
        <source>Name (or surname), staff number or ID number</source>
        <translation>姓名（或姓氏）、工号或身份证件号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any title</source>
        <translation>全部职称</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subject taught</source>
        <translation>任教学科</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Find staff county-wide</source>
        <translation>全县查找教职工</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Double-click a person to open the whole file (training, honours, assessments, moves).</source>
        <translation>双击某人可打开其完整档案（培训、荣誉、考核、异动）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Type a name, a staff number or an ID number, or choose a title.</source>
        <translation>请输入姓名、工号或身份证件号，或选择职称。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the first 200 found: narrow the search</source>
        <translation>仅显示前200条，请缩小查找范围</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the whole county</source>
        <translation>全县</translation>
    </message>
</context>
<context>
    <name>emis::client</name>
    <message>
        <location filename="../client/store/IssueService.cpp" line="+25"/>
        <source>This program does not know the table %1.</source>
        <translation>本程序不认识数据表 %1。</translation>
    </message>
    <message>
        <location filename="../client/store/RecordStore.cpp" line="+62"/>
        <source>This device is not enrolled with the county server yet; enroll it first.</source>
        <translation>本设备尚未在县服务器注册，请先注册。</translation>
    </message>
    <message>
        <location filename="../client/sync/Enrollment.cpp" line="+29"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An enrollment code looks like XXXX-XXXX-XXXX.&lt;32 hex digits&gt;; got %1.</source>
        <translation>注册码的格式为 XXXX-XXXX-XXXX.&lt;32位十六进制数&gt;，收到的是 %1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This data directory is already enrolled for %1 (%2).</source>
        <translation>此数据目录已为 %1（%2）注册。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The server at %1 does not present the county CA named in the code; check the address and the code.</source>
        <translation>%1 上的服务器没有出示注册码所指定的县级证书机构，请核对地址和注册码。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The server&apos;s enrollment answer is incomplete.</source>
        <translation>服务器的注册应答不完整。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server sent a different CA than the code names.</source>
        <translation>服务器发送的证书机构与注册码所指定的不同。</translation>
    </message>
    <message>
        <location filename="../client/sync/ServerConnection.cpp" line="+29"/>
        <source>The server must be given as HOST:PORT, not %1.</source>
        <translation>服务器地址应写成 主机:端口，而不是 %1。</translation>
    </message>
    <message>
        <location filename="../client/store/ClockRepair.cpp" line="+234"/>
        <source>This device&apos;s clock had run ahead to %1 while the county server&apos;s time is %2. The clock was corrected: %3 changes not yet sent were stamped with the corrected time and %4 edits the server had refused for the clock were sent again. No edit was lost.</source>
        <translation>本机记录的时钟曾快到 %1，而县服务器的时间是 %2。时钟已校正：%3 条尚未发送的修改已按校正后的时间重新标记，%4 处曾因时钟被服务器拒绝的修改已重新发送，没有丢失任何修改。</translation>
    </message>
    <message>
        <location filename="../client/equipment/StocktakeService.cpp" line="+49"/>
        <source>There is no stocktake %1 here (see the id stocktake start printed).</source>
        <translation>本机没有盘点 %1（请使用 stocktake start 显示的编号）。</translation>
    </message>
</context>
<context>
    <name>emis::client::ClockRepair</name>
    <message>
        <location filename="../client/store/ClockRepair.cpp" line="-14"/>
        <source>sent again after the device&apos;s clock was corrected</source>
        <translation>本机时钟校正后已重新发送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The local database could not commit the clock correction.</source>
        <translation>本地数据库无法保存时钟校正。</translation>
    </message>
</context>
<context>
    <name>emis::client::IssueService</name>
    <message>
        <location filename="../client/store/IssueService.cpp" line="+13"/>
        <source>Rejection %1 is already closed.</source>
        <translation>被拒绝的变更 %1 已处理完毕。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>corrected and resent as change %1</source>
        <translation>已更正并作为变更 %1 重新发送</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The local database could not commit.</source>
        <translation>本地数据库无法提交。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No open conflict with number %1.</source>
        <translation>没有编号为 %1 的未处理冲突。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>corrected as change %1</source>
        <translation>已更正为变更 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>winner accepted</source>
        <translation>已接受保留的值</translation>
    </message>
</context>
<context>
    <name>emis::client::IssueStore</name>
    <message>
        <location filename="../client/store/IssueStore.cpp" line="+39"/>
        <source>No open entry with number %1.</source>
        <translation>没有编号为 %1 的未处理条目。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>No rejection with number %1.</source>
        <translation>没有编号为 %1 的被拒绝变更。</translation>
    </message>
</context>
<context>
    <name>emis::client::KeyMaker</name>
    <message>
        <location filename="../client/sync/KeyMaker.cpp" line="+32"/>
        <source>Could not make the device key: %1</source>
        <translation>无法生成设备密钥：%1</translation>
    </message>
</context>
<context>
    <name>emis::client::LocalStore</name>
    <message>
        <location filename="../client/store/LocalStore.cpp" line="+55"/>
        <source>Cannot open the local database %1: %2</source>
        <translation>无法打开本地数据库 %1：%2</translation>
    </message>
</context>
<context>
    <name>emis::client::Migrations</name>
    <message>
        <location filename="../client/store/Migrations.cpp" line="+248"/>
        <source>The local database was written by a newer version (layout %1, this program knows %2).</source>
        <translation>本地数据库由更新版本的程序写入（结构版本 %1，本程序只认识 %2）。</translation>
    </message>
</context>
<context>
    <name>emis::client::ProblemService</name>
    <message>
        <location filename="../client/register/ProblemService.cpp" line="+46"/>
        <source>enrolled in two schools</source>
        <translation>一人多籍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same ID number is enrolled at %1. Check with that school: the school the pupil attends keeps the record and proves it to the bureau; if the pupil is not yours, correct the ID number or remove the record.</source>
        <translation>同一身份证件号在%1也有在籍学籍。请与该校核实：学生实际就读的学校保留学籍，并向教育局提供证明；如学生不在本校就读，请更正身份证件号或注销本校学籍。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>likely duplicate</source>
        <translation>疑似重复学籍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A pupil with the same name, sex and birth date is enrolled at %1 and no resident ID number tells them apart. Prove they are two children (enter the resident ID number), correct the record, or remove it if it is the same child.</source>
        <translation>%1有一名姓名、性别、出生日期都相同的在籍学生，且没有居民身份证号可以区分。请证明是两个孩子（录入居民身份证号）、更正学籍，或确属同一人时注销本校学籍。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Resolved: the condition no longer holds.</source>
        <translation>已解决：问题已不存在。</translation>
    </message>
</context>
<context>
    <name>emis::client::Pusher</name>
    <message>
        <location filename="../client/sync/Pusher.cpp" line="+33"/>
        <source>The server already holds changes up to %1 from this device, but its local log ends at %2: was this data directory restored from a backup? Ask county IT to enroll it anew.</source>
        <translation>服务器已保存本设备截至第 %1 条的变更，但本地日志只到第 %2 条：此数据目录是否从备份恢复过？请联系县信息中心重新注册本设备。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The server acknowledged nothing of a batch up to %1.</source>
        <translation>服务器没有确认截至 %1 的这一批变更中的任何一条。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The local database could not record what the server holds.</source>
        <translation>本地数据库无法记录服务器已保存的变更。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The local database could not record the acknowledgement.</source>
        <translation>本地数据库无法记录服务器的确认。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>push</source>
        <translation>上传</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The server sent the outcomes of the changes up to %1 again.</source>
        <translation>服务器再次发来了序号 %1 及以前修改的处理结果，同步中止。</translation>
    </message>
</context>
<context>
    <name>emis::client::RecordRepository</name>
    <message>
        <location filename="../client/store/RecordRepository.cpp" line="+33"/>
        <source>%1 has no field called %2.</source>
        <translation>%1没有名为 %2 的字段。</translation>
    </message>
</context>
<context>
    <name>emis::client::RecordStore</name>
    <message>
        <location filename="../client/store/RecordStore.cpp" line="+229"/>
        <location line="+43"/>
        <source>The local database could not start the save.</source>
        <translation>本机数据库无法开始保存。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 are kept by the county bureau and cannot be changed here.</source>
        <translation>%1由县教育局维护，不能在此修改。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+101"/>
        <source>No %1 record with id %2.</source>
        <translation>没有编号为 %2 的%1记录。</translation>
    </message>
    <message>
        <location line="-91"/>
        <location line="+97"/>
        <source>This %1 record is the county bureau&apos;s and cannot be changed here.</source>
        <translation>这条%1记录由县教育局维护，本校不能修改。</translation>
    </message>
    <message>
        <location line="-93"/>
        <location line="+99"/>
        <source>This record now belongs to another school (the pupil transferred out); it is kept here read-only.</source>
        <translation>该学生已转出，记录现属其他学校，本机只保留只读记录。</translation>
    </message>
    <message>
        <location line="-190"/>
        <location line="+4"/>
        <location line="+37"/>
        <source>The local database could not commit the save.</source>
        <translation>本地数据库无法提交保存。</translation>
    </message>
</context>
<context>
    <name>emis::client::ServerConnection</name>
    <message>
        <location filename="../client/sync/ServerConnection.cpp" line="+42"/>
        <source>%1 closed the connection during the secure handshake</source>
        <translation>%1 在安全握手过程中关闭了连接</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 with %2 failed: %3</source>
        <translation>%1（%2）失败：%3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot reach the county server %1: %2</source>
        <translation>无法连接县服务器 %1：%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the server refused this device (%1)</source>
        <translation>服务器拒绝了本设备（%1）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Connecting</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server %1 is not the county server this device trusts: %2</source>
        <translation>服务器 %1 不是本设备信任的县服务器：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The secure handshake</source>
        <translation>安全握手</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+25"/>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>A message is too large to send.</source>
        <translation>消息太大，无法发送。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sending</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The server sent a broken frame: %1</source>
        <translation>服务器发送了损坏的数据帧：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The server %1 did not answer in time.</source>
        <translation>服务器 %1 没有及时应答。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Receiving</source>
        <translation>接收</translation>
    </message>
</context>
<context>
    <name>emis::client::ServerError</name>
    <message>
        <location filename="../client/sync/ServerError.cpp" line="+14"/>
        <source>The county server refused this device: it has been revoked. Ask county IT to enroll it again.</source>
        <translation>县服务器拒绝了本设备：本设备已被停用。请联系县里的信息技术管理员重新注册。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The county server is busy; try again in a few minutes. (%1)</source>
        <translation>县服务器繁忙，请过几分钟再试。（%1）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The server refused: %1</source>
        <translation>服务器拒绝：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server answered with something other than %1.</source>
        <translation>服务器的应答不是 %1。</translation>
    </message>
</context>
<context>
    <name>emis::client::Sql</name>
    <message>
        <location filename="../client/store/Sql.cpp" line="+214"/>
        <location line="+64"/>
        <source>The local database failed: %1 (%2)</source>
        <translation>本地数据库出错：%1（%2）</translation>
    </message>
</context>
<context>
    <name>emis::client::StocktakeService</name>
    <message>
        <location filename="../client/equipment/StocktakeService.cpp" line="+53"/>
        <location line="+12"/>
        <source>whole school</source>
        <translation>全校</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Stocktake %1 is finished; start a new one to check again.</source>
        <translation>盘点 %1 已完成；如需再次清点，请新建盘点。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Asset %1 is not on this stocktake&apos;s checklist (it is kept in another room, or written off).</source>
        <translation>资产 %1 不在本次盘点清单中（存放在其他功能室，或已报废）。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Stocktake %1 is finished already.</source>
        <translation>盘点 %1 已经完成。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not found at the stocktake</source>
        <translation>盘点时未找到</translation>
    </message>
</context>
<context>
    <name>emis::client::SyncRunner</name>
    <message>
        <location filename="../client/sync/SyncRunner.cpp" line="+91"/>
        <source>The server does not know this device as %1 (it says &quot;%2&quot;).</source>
        <translation>服务器不认识本设备 %1（服务器说：“%2”）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The local database could not record the server&apos;s feed.</source>
        <translation>本机数据库无法记录服务器的数据流。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This computer&apos;s clock reads %1 but the county server&apos;s reads %2: correct the computer&apos;s date and time, then sync again. Nothing was sent; every change is kept.</source>
        <translation>本机时钟为 %1，而县服务器的时间是 %2：请校正电脑的日期和时间后重新同步。本次未发送任何修改，所有修改均已保留。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This device is not enrolled; run enroll first.</source>
        <translation>本设备尚未注册，请先运行 enroll。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The device&apos;s certificate or key is missing from %1.</source>
        <translation>%1 中缺少设备证书或密钥。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The device key in %1 cannot be read.</source>
        <translation>无法读取 %1 中的设备密钥。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>pull</source>
        <translation>下载</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server said there is more to pull but sent nothing.</source>
        <translation>服务器表示还有数据待下载，却没有发送任何数据。</translation>
    </message>
</context>
<context>
    <name>emis::client::TransferService</name>
    <message>
        <location filename="../client/register/TransferService.cpp" line="+49"/>
        <source>waiting for the sending school</source>
        <translation>待转出学校确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting for the bureau</source>
        <translation>待教育局审批</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused by the sending school</source>
        <translation>转出学校不同意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>completed</source>
        <translation>已转入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused by the bureau</source>
        <translation>教育局驳回</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The local database could not commit the change.</source>
        <translation>本地数据库未能提交此次更改。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No transfer request with id %1.</source>
        <translation>没有编号为 %1 的转学申请。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Only the sending school agrees to a transfer; this school asked for it.</source>
        <translation>只有转出学校才能同意转学；本校是申请转入的学校。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request is now &quot;%1&quot;, so it can no longer be agreed to.</source>
        <translation>该申请当前状态为“%1”，不能再同意。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only the sending school refuses a transfer; to stop your own request, withdraw it.</source>
        <translation>只有转出学校才能不同意转学；要终止本校的申请，请撤回。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The request is now &quot;%1&quot;, so it can no longer be refused.</source>
        <translation>该申请当前状态为“%1”，不能再不同意。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the reason for refusing; the receiving school reads it.</source>
        <translation>请填写不同意的原因，转入学校会看到。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only the school that asked for the transfer can withdraw the request.</source>
        <translation>只有申请转入的学校才能撤回申请。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request is now &quot;%1&quot;, so it can no longer be withdrawn.</source>
        <translation>该申请当前状态为“%1”，不能再撤回。</translation>
    </message>
</context>
<context>
    <name>emis::client::cli</name>
    <message>
        <location filename="../client/cli/DeviceCommands.cpp" line="+17"/>
        <source>enroll needs --server HOST:PORT and --code CODE.</source>
        <translation>enroll 需要 --server 主机:端口 和 --code 注册码。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enrolled as device %1 of %2 (%3).</source>
        <translation>已注册为 %2（%3）的设备 %1。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Synced: %1 changes sent, %2 rows received, %3 new rejections, %4 conflicts; %5 changes still pending.</source>
        <translation>同步完成：发送 %1 条变更，接收 %2 行，新增 %3 条被拒绝的变更、%4 个冲突；仍有 %5 条变更待发送。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>School: %1 (%2), device %3, server %4</source>
        <translation>学校：%1（%2），设备 %3，服务器 %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not enrolled.</source>
        <translation>未注册。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending changes: %1</source>
        <translation>待发送的变更：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error: %1</source>
        <translation>上次错误：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open rejections: %1</source>
        <translation>未处理的被拒绝变更：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open conflicts: %1</source>
        <translation>未处理的冲突：%1</translation>
    </message>
    <message>
        <location filename="../client/cli/IssueCommands.cpp" line="-135"/>
        <source>Give the entry&apos;s number as listed, not &quot;%1&quot;.</source>
        <translation>请填写列表中的条目编号，而不是“%1”。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No rejections.</source>
        <translation>没有被拒绝的变更。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>#%1 [%2] %3, record %4: %5 / %6 (%7)%8</source>
        <translation>#%1 [%2] %3，记录 %4：%5 / %6（%7）%8</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>#%1 [%2] %3, record %4: kept &quot;%5&quot;, the other edit was &quot;%6&quot;%7</source>
        <translation>#%1 [%2] %3，记录 %4：保留“%5”，另一处的修改为“%6”%7</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Entry %1 resolved; the correction goes out as change %2.</source>
        <translation>条目 %1 已处理；更正将作为变更 %2 发送。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry %1 resolved.</source>
        <translation>条目 %1 已处理。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Discarding is on purpose: say why with --note.</source>
        <translation>放弃必须是有意的：请用 --note 说明原因。</translation>
    </message>
    <message>
        <location filename="../client/cli/RecordCommands.cpp" line="+44"/>
        <source>Nothing changed for %1.</source>
        <translation>%1 没有任何改动。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved pupil %1.</source>
        <translation>已保存学生 %1。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved %1 record %2.</source>
        <translation>已保存%1记录 %2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Removed pupil %1.</source>
        <translation>已删除学生 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed %1 record %2.</source>
        <translation>已删除%1记录 %2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>add needs --set FIELD=VALUE for the record&apos;s fields.</source>
        <translation>add 需要用 --set 字段=值 给出记录的字段。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>edit needs the record&apos;s id.</source>
        <translation>edit 需要给出记录的 id。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>edit needs at least one --set FIELD=VALUE.</source>
        <translation>edit 至少需要一个 --set 字段=值。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>remove needs the record&apos;s id.</source>
        <translation>remove 需要给出记录的 id。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>There is no table &quot;%1&quot;. Tables: %2.</source>
        <translation>没有名为“%1”的数据表。可用的数据表：%2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 are kept by the county server and cannot be changed here.</source>
        <translation>%1由县级服务器维护，不能在本机修改。</translation>
    </message>
    <message>
        <location filename="../client/cli/ExamCommands.cpp" line="+54"/>
        <source>county joint exam</source>
        <translation>县联考</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>this school&apos;s own</source>
        <translation>本校考试</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name the exam: import scores FILE --exam ID (see: exams).</source>
        <translation>请指明考试：import scores 文件 --exam 考试编号（见 exams 命令）。</translation>
    </message>
    <message>
        <location filename="../client/cli/CliSupport.cpp" line="+42"/>
        <source>%1 (read: %2)</source>
        <translation>%1（读到：%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>line %1 (%2): %3</source>
        <translation>第 %1 行（%2）：%3</translation>
    </message>
    <message>
        <location filename="../client/cli/ExamCommands.cpp" line="+26"/>
        <source>%1 pupils matched: %2 scores would be added, %3 changed, %4 unchanged; %5 lines rejected, %6 scores would be refused by the store; nothing was written (--dry-run).</source>
        <translation>匹配到%1名学生：将新增%2个成绩，修改%3个，%4个不变；%5行被拒绝，%6个成绩将被本地数据库拒绝；未写入任何数据（--dry-run）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported %1 pupils&apos; scores: %2 added, %3 changed, %4 unchanged; %5 lines rejected, %6 scores refused by the store.</source>
        <translation>已导入%1名学生的成绩：新增%2个，修改%3个，%4个不变；%5行被拒绝，%6个成绩被本地数据库拒绝。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Name the exam: analysis --exam ID (see: exams).</source>
        <translation>请指明考试：analysis --exam 考试编号（见 exams 命令）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--by is class or subject, not %1.</source>
        <translation>--by 只能是 class（按班级）或 subject（按科目），不能是 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No subject %1.</source>
        <translation>没有“%1”这个科目。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--compare is previous, not %1.</source>
        <translation>--compare 只能是 previous（与同年级上一次考试比较），不能是 %1。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Name the exam: warnings --exam ID (see: exams).</source>
        <translation>请指明考试：warnings --exam 考试编号（见 exams 命令）。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No earlier exam of this grade here: no place-drop warnings.</source>
        <translation>本机没有该年级更早的考试，因此不判断名次下降。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 warnings.</source>
        <translation>共%1条预警。</translation>
    </message>
    <message>
        <location line="-113"/>
        <location filename="../client/cli/FileCommands.cpp" line="+42"/>
        <source>This device is not enrolled; run enroll first, then import.</source>
        <translation>本设备尚未注册，请先注册（enroll）再导入。</translation>
    </message>
    <message>
        <location filename="../client/cli/FileCommands.cpp" line="+8"/>
        <source>%1 rows would be added, %2 updated, %3 unchanged; %4 rejected in the file, %5 would be refused by the store; nothing was written (--dry-run).</source>
        <translation>将新增 %1 行、更新 %2 行、%3 行不变；文件中有 %4 行不合格，%5 行会被本机数据库拒绝；未写入任何内容（--dry-run）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Imported %1: %2 added, %3 updated, %4 unchanged, %5 rejected in the file, %6 refused by the store.</source>
        <translation>已导入 %1：新增 %2 条，更新 %3 条，未变 %4 条，文件中被拒绝 %5 行，保存时被拒绝 %6 条。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Exported %1 records to %2.</source>
        <translation>已导出 %1 条记录到 %2。</translation>
    </message>
    <message>
        <location filename="../client/cli/ChangeCommands.cpp" line="+90"/>
        <source>Recorded %1 for %2 (%3): %4.</source>
        <translation>已为%2登记%1（%3）：%4。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>change withdraw needs the change&apos;s id.</source>
        <translation>change withdraw 需要异动记录的标识。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Withdrew the request %1.</source>
        <translation>已撤回申请%1。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--class-map takes OLD=NEW, not %1.</source>
        <translation>--class-map 的格式为 旧班级=新班级，而不是%1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Would undo</source>
        <translation>将撤销</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Undid</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Would promote</source>
        <translation>将升级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Promoted</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 pupils up one grade, %3 graduating from grade %4, %5 not enrolled left as they are.</source>
        <translation>%1：%2名学生升入高一年级，%3名%4年级学生毕业，%5名非在读学生保持不变。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Batch %1.</source>
        <translation>批次%1。</translation>
    </message>
    <message>
        <location filename="../client/cli/WorkflowCommands.cpp" line="-88"/>
        <source>It reaches the other school and the bureau on the next sync.</source>
        <translation>下次同步后送达对方学校和教育局。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Give the request&apos;s id (see transfer list).</source>
        <translation>请给出申请的编号（见 transfer list）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved transfer request %1.</source>
        <translation>已保存转学申请 %1。</translation>
    </message>
    <message>
        <location filename="../client/cli/AttachmentCommands.cpp" line="+23"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Give at least one file to attach.</source>
        <translation>请至少给出一个要附加的文件。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Attached %1 (%2), id %3.</source>
        <translation>已附加 %1（%2），附件编号 %3。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attached %1 as %2 (scaled down to %3), id %4.</source>
        <translation>已附加 %1，缩小为 %2（%3），附件编号 %4。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The local database could not commit the change.</source>
        <translation>本地数据库未能提交此次更改。</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../client/cli/WorkflowCommands.cpp" line="+12"/>
        <source>id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved %1 to %2.</source>
        <translation>已将 %1 保存到 %2。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Removed the attached file %1.</source>
        <translation>已删除附件 %1。</translation>
    </message>
    <message>
        <location filename="../client/cli/WorkflowCommands.cpp" line="+0"/>
        <source>direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../client/cli/EquipmentCommands.cpp" line="+17"/>
        <source>Give the stocktake&apos;s id (stocktake start prints it).</source>
        <translation>请给出盘点编号（stocktake start 会显示）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stocktake %1: %2, %3%4</source>
        <translation>盘点 %1：%2，%3%4</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (finished)</source>
        <translation>（已完成）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../client/cli/WorkflowCommands.cpp" line="+0"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>asset number</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>keeper</source>
        <translation>保管人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>result</source>
        <translation>盘点结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not checked</source>
        <translation>未清点</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(no keeper)</source>
        <translation>（无保管人）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Missing, by keeper:</source>
        <translation>缺失资产（按保管人）：</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Marked %1.</source>
        <translation>已登记 %1。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Finished; assets not marked, recorded as missing: %1.</source>
        <translation>盘点完成；未清点的资产按缺失登记：%1 件。</translation>
    </message>
    <message>
        <location filename="../client/cli/WorkflowCommands.cpp" line="+0"/>
        <source>ID number</source>
        <translation>身份证件号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>other school</source>
        <translation>对方学校</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>state</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>in</source>
        <translation>转入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>out</source>
        <translation>转出</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>No problem records.</source>
        <translation>没有问题学籍。</translation>
    </message>
</context>
<context>
    <name>emis::io::XlsxWriterApi</name>
    <message>
        <location filename="../client/io/XlsxWriterApi.cpp" line="+59"/>
        <source>Excel export is not available: libxlsxwriter is not installed (%1).</source>
        <translation>无法导出 Excel：未安装 libxlsxwriter（%1）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Excel export is not available: this libxlsxwriter is too old.</source>
        <translation>无法导出 Excel：libxlsxwriter 版本过旧。</translation>
    </message>
</context>
<context>
    <name>emis::report::ReportTableModel</name>
    <message>
        <location filename="../client/report/ReportTableModel.cpp" line="+56"/>
        <location line="+4"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>emis::school::AttachmentsDialog</name>
    <message>
        <location filename="../client/school/AttachmentsDialog.cpp" line="+31"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Attached files — %1 %2</source>
        <translation>附件 — %1 %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Photos (JPG, PNG, BMP, GIF). A photo over 2 MB is scaled down before it is kept.</source>
        <translation>照片（JPG、PNG、BMP、GIF）。超过 2MB 的照片会先缩小再保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.gif);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>正在读取 %n 个文件…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n file(s) attached.</source>
        <translation>
            <numerusform>已添加 %n 个附件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not attached:</source>
        <translation>未添加：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot read the file</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the attached file</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot save the file</source>
        <translation>无法保存文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove the file</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove %1 from this record?</source>
        <translation>从这条记录中删除 %1 吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot remove the file</source>
        <translation>无法删除附件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 removed.</source>
        <translation>已删除 %1。</translation>
    </message>
</context>
<context>
    <name>emis::school::ClassesPage</name>
    <message>
        <location filename="../client/school/ClassesPage.cpp" line="+32"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Head teacher</source>
        <translation>班主任</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entry year</source>
        <translation>入学年份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pupils</source>
        <translation>在读人数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Boys</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Girls</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>修改(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot load the classes</source>
        <translation>无法加载班级列表</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(no class record)</source>
        <translation>（未登记班级）</translation>
    </message>
    <message>
        <location line="+67"/>
        <location line="+6"/>
        <source>Delete class</source>
        <translation>删除班级</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Delete the class record %1? The pupils keep their grade and class.</source>
        <translation>删除班级记录%1？学生的年级和班级保持不变。</translation>
    </message>
</context>
<context>
    <name>emis::school::EnrollWizard</name>
    <message>
        <location filename="../client/school/EnrollWizard.cpp" line="+43"/>
        <source>Enroll this computer</source>
        <translation>注册本机</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connect to the county server</source>
        <translation>连接县服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the server address and the one-time enrollment code the education bureau gave the school.</source>
        <translation>请输入服务器地址和教育局发给学校的一次性注册码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>host:port, e.g. emis.county.edu.cn:7443</source>
        <translation>主机:端口，例如 emis.county.edu.cn:7443</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>XXXX-XXXX-XXXX.fingerprint</source>
        <translation>XXXX-XXXX-XXXX.指纹</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrollment code:</source>
        <translation>注册码：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enrolled</source>
        <translation>注册成功</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The enrollment code is wrong. Check it against the bureau&apos;s note and type it again.</source>
        <translation>注册码不正确。请对照教育局的通知核对后重新输入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This enrollment code has already been used. Ask the education bureau for a new code.</source>
        <translation>此注册码已被使用。请向教育局申请新的注册码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This enrollment code has expired. Ask the education bureau for a new code.</source>
        <translation>此注册码已过期。请向教育局申请新的注册码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server %1 cannot be reached. Check the address and the network cable, then try again.
(%2)</source>
        <translation>无法连接服务器 %1。请检查地址和网线后重试。
（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check what you typed: %1</source>
        <translation>请检查输入的内容：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrollment failed: %1</source>
        <translation>注册失败：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type both the server address and the enrollment code.</source>
        <translation>请同时输入服务器地址和注册码。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This computer is now enrolled for %1 (%2). The program works without the network from now on and sends changes whenever the server can be reached.</source>
        <translation>本机已为 %1（%2）注册成功。从现在起，程序在没有网络时也能使用，能连上服务器时会自动发送变更。</translation>
    </message>
</context>
<context>
    <name>emis::school::ExamResultsDialog</name>
    <message>
        <location filename="../client/school/ExamResultsDialog.cpp" line="+41"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nothing to list.</source>
        <translation>没有需要列出的内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>emis::school::ExportActions</name>
    <message>
        <location filename="../client/school/ExportActions.cpp" line="+24"/>
        <source>Export to &amp;Excel (.xlsx)…</source>
        <translation>导出为 Excel (.xlsx)(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to &amp;CSV…</source>
        <translation>导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to &amp;PDF…</source>
        <translation>导出为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export only the &amp;filtered rows</source>
        <translation>只导出筛选出的行(&amp;F)</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+62"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>%1 — %2 rows — printed %3 — page %4</source>
        <translation>%1 — 共 %2 行 — 打印于 %3 — 第 %4 页</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 rows written to %2</source>
        <translation>已将 %1 行写入 %2</translation>
    </message>
</context>
<context>
    <name>emis::school::ImportWizard</name>
    <message>
        <location filename="../client/school/ImportWizard.cpp" line="+27"/>
        <source>Import %1 from a spreadsheet</source>
        <translation>从表格导入%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An Excel workbook (.xlsx) or a CSV file, as exported from the school&apos;s roster.</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件，即从学校名册导出的文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Match the columns</source>
        <translation>对应各列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each column of the file was matched by its header. Change a match where it is wrong.</source>
        <translation>已按表头为文件的每一列找到对应的字段。如有不对，请修改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First value</source>
        <translation>第一个值</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Check before importing</source>
        <translation>导入前检查</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it is not imported</source>
        <translation>不导入的原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 added, %2 updated, %3 already up to date, %4 not imported because of errors in the file.</source>
        <translation>新增 %1 条，更新 %2 条，%3 条已是最新，%4 条因文件中有错误未导入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped before the end: nothing of this import was saved.</source>
        <translation>导入在完成前已停止：本次导入的数据均未保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refused while saving:</source>
        <translation>保存时被拒绝：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(do not import)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 of %2 columns will be imported.</source>
        <translation>将导入 %2 列中的 %1 列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No column gives: %1. Match a column to each, or the rows cannot be imported.</source>
        <translation>没有列对应：%1。请为每一项指定一列，否则各行都无法导入。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 rows can be imported; %2 rows have errors and will be left out (listed below). Correct them in the file and import it again later: rows already imported are not doubled.</source>
        <translation>可导入 %1 行；%2 行有错误，将不导入（见下表）。请在文件中改正后再次导入：已导入的行不会重复。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (read: %2)</source>
        <translation>%1（读到：%2）</translation>
    </message>
</context>
<context>
    <name>emis::school::IssuesModel</name>
    <message>
        <location filename="../client/school/IssuesModel.cpp" line="+41"/>
        <source>Refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Changed in two places</source>
        <translation>两处同时修改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept &quot;%1&quot; (the later change); &quot;%2&quot; was not kept.</source>
        <translation>保留了“%1”（较晚的修改）；“%2”未保留。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>emis::school::IssuesPage</name>
    <message>
        <location filename="../client/school/IssuesPage.cpp" line="+32"/>
        <source>Nothing to look at: every change was accepted by the server.</source>
        <translation>没有需要处理的问题：所有变更都已被服务器接受。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open the record</source>
        <translation>打开记录(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Discard the change on purpose…</source>
        <translation>有意放弃此变更(&amp;D)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Changes the server refused and fields changed in two places. Correct the record and save it again, or discard the change on purpose.</source>
        <translation>以下是被服务器拒绝的变更和在两处同时修改的字段。请更正记录后重新保存，或有意放弃该变更。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Not discarded</source>
        <translation>未放弃</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Discard the change</source>
        <translation>放弃变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s value will come back on the next sync. Why is the change given up?</source>
        <translation>下次同步时将恢复服务器上的值。为什么放弃此变更？</translation>
    </message>
</context>
<context>
    <name>emis::school::MainWindow</name>
    <message>
        <location filename="../client/school/MainWindow.cpp" line="+48"/>
        <source>CountyEMIS — school</source>
        <translation>区县教育管理信息系统 — 学校端</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CountyEMIS — %1</source>
        <translation>区县教育管理信息系统 — %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Pupils</source>
        <translation>学生(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Classes</source>
        <translation>班级(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;taff</source>
        <translation>教职工(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status change…</source>
        <translation>学籍异动(&amp;S)…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Equipment</source>
        <translation>装备资产(&amp;E)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scores</source>
        <translation>成绩录入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Teac&amp;hing</source>
        <translation>教学(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trans&amp;fers</source>
        <translation>转学(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem &amp;records</source>
        <translation>问题学籍(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;roblems to look at</source>
        <translation>待处理问题(&amp;R)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 roster</source>
        <translation>%1名册</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import from a spreadsheet…</source>
        <translation>从表格导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Records</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New record…</source>
        <translation>新建记录(&amp;N)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Status change of the pupil…</source>
        <translation>所选学生的学籍异动(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Year-end promotion…</source>
        <translation>学年毕业升级(&amp;Y)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo the last promotion…</source>
        <translation>撤销上一次升级(&amp;U)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The new language is used from the next start of the program.</source>
        <translation>新的语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Select a pupil in the list first.</source>
        <translation>请先在列表中选择一名学生。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>corrected in the form</source>
        <translation>已在表单中更正</translation>
    </message>
</context>
<context>
    <name>emis::school::ProblemsPage</name>
    <message>
        <location filename="../client/school/ProblemsPage.cpp" line="+21"/>
        <source>Problem</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pupil</source>
        <translation>学生</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number</source>
        <translation>身份证件号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other school</source>
        <translation>对方学校</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>处理状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What to do</source>
        <translation>处理办法</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show &amp;resolved ones too</source>
        <translation>同时显示已解决的(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No problem records: every pupil here is enrolled once in the county.</source>
        <translation>没有问题学籍：本校学生在全县都只有一个学籍。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open the pupil</source>
        <translation>打开学生记录(&amp;O)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Problem records the county server found (一人一籍). Nothing is merged or removed for you: prove the record is right, correct it, or remove it; the problem closes on the next sync.</source>
        <translation>县服务器发现的问题学籍（一人一籍）。系统不会替您合并或删除：请证明学籍无误、更正或注销，下次同步后问题自动关闭。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
</context>
<context>
    <name>emis::school::PromotionAction</name>
    <message>
        <location filename="../client/school/PromotionAction.cpp" line="+63"/>
        <source>Undo the year-end promotion</source>
        <translation>撤销学年升级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Year-end promotion</source>
        <translation>学年毕业升级</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Take the last promotion back? %1 pupils return to their previous grade and class and %2 graduates return to 在读.</source>
        <translation>撤销上一次升级？%1名学生回到原年级和班级，%2名毕业生恢复为在读。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Promote the whole school? %1 pupils go up one grade (class names are kept), %2 pupils of grade %3 graduate, %4 pupils not 在读 stay as they are. It can be undone in one step.</source>
        <translation>为全校办理毕业升级？%1名学生升入高一年级（班级名称保持不变），%3年级的%2名学生毕业，%4名非在读学生保持不变。可一步撤销。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Undone: %1 pupils back in their previous grade, %2 graduates back in school.</source>
        <translation>已撤销：%1名学生回到原年级，%2名毕业生恢复在读。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done: %1 pupils promoted, %2 graduated.</source>
        <translation>已完成：%1名学生升级，%2名学生毕业。</translation>
    </message>
</context>
<context>
    <name>emis::school::RecordDialog</name>
    <message>
        <location filename="../client/school/RecordDialog.cpp" line="+20"/>
        <source>New record: %1</source>
        <translation>新建记录：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit record: %1</source>
        <translation>修改记录：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The record is no longer there.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The record was not saved: correct the fields marked in red.</source>
        <translation>记录未保存：请改正红字标出的字段。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The record was not saved: %1</source>
        <translation>记录未保存：%1</translation>
    </message>
</context>
<context>
    <name>emis::school::RecordForm</name>
    <message>
        <location filename="../client/school/RecordForm.cpp" line="+61"/>
        <source>Pick from the list, or type a name or number</source>
        <translation>从列表中选择，或输入姓名、编号</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2015-03-15</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM</source>
        <translation>年-月，如 2021-09</translation>
    </message>
</context>
<context>
    <name>emis::school::RecordPage</name>
    <message>
        <location filename="../client/school/RecordPage.cpp" line="+33"/>
        <source>Filter by name, ID number, student number, grade or class</source>
        <translation>按姓名、身份证件号、学籍号、年级或班级筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by name, ID number or staff number</source>
        <translation>按姓名、身份证件号或工号筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by any word in the list</source>
        <translation>按列表中的任意文字筛选</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>修改(&amp;E)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attac&amp;hments…</source>
        <translation>附件(&amp;H)…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot load the list</source>
        <translation>无法加载列表</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 of %2</source>
        <translation>%1 / 共 %2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Attached files</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a record in the list first.</source>
        <translation>请先在列表中选择一条记录。</translation>
    </message>
</context>
<context>
    <name>emis::school::RecordTableModel</name>
    <message>
        <location filename="../client/school/RecordTableModel.cpp" line="+42"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>emis::school::SchoolSession</name>
    <message>
        <location filename="../client/school/SchoolSession.cpp" line="+20"/>
        <source>Cannot create the data folder %1.</source>
        <translation>无法创建数据文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>emis::school::ScoreGridModel</name>
    <message>
        <location filename="../client/school/ScoreGridModel.cpp" line="+109"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>emis::school::ScoresPage</name>
    <message>
        <location filename="../client/school/ScoresPage.cpp" line="+62"/>
        <source>%1 (read: %2)</source>
        <translation>%1（读到：%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line %1 (%2): %3</source>
        <translation>第 %1 行（%2）：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported %1 pupils&apos; scores: %2 added, %3 changed, %4 unchanged; %5 lines rejected, %6 scores refused.</source>
        <translation>已导入 %1 名学生的成绩：新增 %2 条，修改 %3 条，未变 %4 条；退回 %5 行，被拒绝 %6 条成绩。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No exam to score yet. The county&apos;s joint exams arrive with a sync; the school&apos;s own exam is added on the Exams tab, with its subjects on the Exam subjects tab.</source>
        <translation>还没有可录入成绩的考试。县里的联考在同步后到达；本校自己的考试在“考试”页添加，考试科目在“考试科目”页添加。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import a score sheet…</source>
        <translation>导入成绩表(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Warnings…</source>
        <translation>成绩预警(&amp;W)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Analysis…</source>
        <translation>成绩分析(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save scores</source>
        <translation>保存成绩(&amp;S)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>E&amp;xam:</source>
        <translation>考试(&amp;X)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lass:</source>
        <translation>班级(&amp;L)：</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 — %2, %3 (county joint exam)</source>
        <translation>%1 — %2，%3（县联考）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unsaved scores</source>
        <translation>成绩未保存</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n cell(s) of this class are not saved yet. Save them first?</source>
        <translation>
            <numerusform>本班有 %n 个成绩格尚未保存。先保存吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No pupil of %1 is in the register.</source>
        <translation>学籍中没有%1的学生。</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n pupil(s); type a score, or 缺考, 免考 or 作弊.</source>
        <translation>
            <numerusform>共 %n 名学生；请输入分数，或填写缺考、免考、作弊。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n cell(s) not saved yet.</source>
        <translation>
            <numerusform>%n 个格尚未保存。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n cell(s) in red are no score and will not be saved, first %1: %2.</source>
        <translation>
            <numerusform>%n 个红色格不是有效成绩，不会保存，第一个是%1：%2。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing was saved: %1</source>
        <translation>没有保存任何成绩：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved: %1 added, %2 changed, %3 cleared.</source>
        <translation>已保存：新增 %1 个，修改 %2 个，清除 %3 个。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n cell(s) in red were not saved.</source>
        <translation>
            <numerusform>%n 个红色格未保存。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import a score sheet</source>
        <translation>导入成绩表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Score sheet imported</source>
        <translation>成绩表已导入</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Score warnings: %1</source>
        <translation>成绩预警：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Analysis: %1</source>
        <translation>成绩分析：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each class against the school</source>
        <translation>各班与全校对比</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The school by subject</source>
        <translation>全校分学科</translation>
    </message>
</context>
<context>
    <name>emis::school::StatusChangeDialog</name>
    <message>
        <location filename="../client/school/StatusChangeDialog.cpp" line="+58"/>
        <source>Status change</source>
        <translation>学籍异动</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(as the rule says)</source>
        <translation>（按规定自动）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Kind:</source>
        <translation>异动类别(&amp;K)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Date:</source>
        <translation>异动日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>异动原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;grade:</source>
        <translation>新年级(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New c&amp;lass:</source>
        <translation>新班级(&amp;L)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evidence images (JPG, PNG, BMP or GIF, at most 2 MB each)</source>
        <translation>佐证材料图片（JPG、PNG、BMP或GIF，每张不超过2MB）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Attach image…</source>
        <translation>添加图片(&amp;A)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>History</source>
        <translation>异动记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>原年级班级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>新年级班级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approval</source>
        <translation>审批状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Withdraw the selected request</source>
        <translation>撤回所选申请(&amp;W)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Sent to the bureau for approval: the pupil&apos;s record changes only once it is approved.</source>
        <translation>需报教育局审批：审批通过后学生学籍才会变更。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Takes effect at once when saved.</source>
        <translation>保存后立即生效。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2，%3</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source> (%n image(s))</source>
        <translation>
            <numerusform>（%n张图片）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Attach evidence images</source>
        <translation>添加佐证材料图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.gif)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The status change was not saved: %1</source>
        <translation>学籍异动未保存：%1</translation>
    </message>
</context>
<context>
    <name>emis::school::StocktakePage</name>
    <message>
        <location filename="../client/school/StocktakePage.cpp" line="+39"/>
        <source>&amp;New stocktake…</source>
        <translation>新建盘点(&amp;N)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Asset no.</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keeper</source>
        <translation>保管人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Found</source>
        <translation>盘点结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type or scan an asset number, then Enter: it is marked found</source>
        <translation>输入或扫描资产编号后按回车：记为在位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note for the lines marked next (optional)</source>
        <translation>接下来所标记行的备注（可不填）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Found</source>
        <translation>在位(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Missing</source>
        <translation>缺失(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Damaged</source>
        <translation>损坏(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;inish…</source>
        <translation>完成盘点(&amp;I)…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stocktake:</source>
        <translation>盘点：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Check each asset the register holds in the room. What is not marked when you finish is recorded missing. Every mark is saved at once and syncs.</source>
        <translation>逐件核对账上记在该功能室的资产。完成盘点时未标记的记为缺失。每次标记即时保存，并随同步上报。</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+2"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (finished)</source>
        <translation>%1（已完成）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (open)</source>
        <translation>%1（盘点中）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No stocktake yet: start one with New stocktake.</source>
        <translation>还没有盘点：点“新建盘点”开始。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>not checked</source>
        <translation>未核对</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no keeper</source>
        <translation>无保管人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of %2 checked; %3 missing, %4 damaged. This stocktake is finished.</source>
        <translation>已核对 %1 / %2 件；缺失 %3 件，损坏 %4 件。本次盘点已完成。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 checked; %3 missing, %4 damaged.</source>
        <translation>已核对 %1 / %2 件；缺失 %3 件，损坏 %4 件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing, by keeper — %1</source>
        <translation>缺失资产（按保管人）— %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stocktake started. Mark what you find; finish it when the room is done.</source>
        <translation>盘点已开始。逐件标记核对结果，核对完后点“完成盘点”。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Select the lines to mark first.</source>
        <translation>请先选中要标记的行。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n asset(s) marked.</source>
        <translation>
            <numerusform>已标记 %n 件资产。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 found.</source>
        <translation>%1 在位。</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Stocktake finished: %n asset(s) not marked were recorded missing.</source>
        <translation>
            <numerusform>盘点完成：%n 件未标记的资产已记为缺失。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Finish the stocktake</source>
        <translation>完成盘点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every asset not marked yet is recorded missing, and the stocktake is closed. Finish it?</source>
        <translation>尚未标记的资产都将记为缺失，盘点随即关闭。确定完成吗？</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New stocktake</source>
        <translation>新建盘点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whole school</source>
        <translation>全校</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>who counts (optional)</source>
        <translation>盘点人（可不填）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Room:</source>
        <translation>功能室：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted by:</source>
        <translation>盘点人：</translation>
    </message>
</context>
<context>
    <name>emis::school::SyncPanel</name>
    <message>
        <location filename="../client/school/SyncPanel.cpp" line="+28"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Syncing: %1 %2/%3</source>
        <translation>正在同步：%1 %2/%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Syncing: %1</source>
        <translation>正在同步：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Device clock corrected; no edit lost</source>
        <translation>本机时钟已校正，没有丢失修改</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offline (not enrolled)</source>
        <translation>离线（未注册）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline: the server cannot be reached</source>
        <translation>离线：无法连接服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server is busy; trying again shortly</source>
        <translation>服务器繁忙，稍后自动重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This device was revoked: ask county IT to enroll it again</source>
        <translation>本设备已被停用：请联系县里的信息技术管理员重新注册</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync failed</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last sync: never</source>
        <translation>上次同步：从未</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes to send: %1</source>
        <translation>待发送的变更：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problems to look at: %1</source>
        <translation>待处理的问题：%1</translation>
    </message>
</context>
<context>
    <name>emis::school::TransferRequestDialog</name>
    <message>
        <location filename="../client/school/TransferRequestDialog.cpp" line="+19"/>
        <source>Request a pupil from another school</source>
        <translation>申请转入外校学生</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. 五年级; empty keeps the pupil&apos;s grade</source>
        <translation>如：五年级；不填则保持原年级</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a scanned image, at most 2 MB (optional)</source>
        <translation>扫描图片，不超过 2 MB（可不填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanned document</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.jpg *.jpeg *.png *.gif *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.gif *.bmp)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ID &amp;number:</source>
        <translation>身份证件号(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Grade on arrival:</source>
        <translation>转入年级(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Class on arrival:</source>
        <translation>转入班级(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>转学原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Evidence:</source>
        <translation>佐证材料(&amp;E)：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The pupil is found by ID number across the county when this device next syncs. The sending school then agrees or refuses, and the bureau approves.</source>
        <translation>下次同步时，服务器按身份证件号在全县查找该学生；之后由转出学校同意或不同意，再由教育局审批。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Enter the pupil&apos;s name as the other school has it.</source>
        <translation>请按对方学校登记的姓名填写学生姓名。</translation>
    </message>
</context>
<context>
    <name>emis::school::TransfersPage</name>
    <message>
        <location filename="../client/school/TransfersPage.cpp" line="+51"/>
        <location line="+4"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+4"/>
        <source>ID number</source>
        <translation>身份证件号</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Other school</source>
        <translation>对方学校</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where it stands</source>
        <translation>办理进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grade and class</source>
        <translation>转入年级班级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requested</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New request…</source>
        <translation>新建转入申请(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Withdraw</source>
        <translation>撤回(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Agree</source>
        <translation>同意转出(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refuse…</source>
        <translation>不同意(&amp;R)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refuse the transfer</source>
        <translation>不同意转学</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why does the pupil not leave? The receiving school reads this.</source>
        <translation>为什么不同意该学生转出？转入学校会看到此原因。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Transfers in</source>
        <translation>转入申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfers out</source>
        <translation>转出申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pupils transferred out</source>
        <translation>转出学生</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The receiving school requests a pupil, the sending school agrees or refuses, the bureau approves. Each step is saved here and reaches the others on sync.</source>
        <translation>转入学校提出申请，转出学校同意或不同意，教育局审批。每一步都先保存在本机，同步后送达其他各方。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sending school: %1</source>
        <translation>转出学校：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bureau: %1</source>
        <translation>教育局：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — your answer is needed</source>
        <translation>%1 — 需要本校答复</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+29"/>
        <source>Saved. It reaches the other school and the bureau on the next sync.</source>
        <translation>已保存。下次同步后送达对方学校和教育局。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../client/school/app/main.cpp" line="+45"/>
        <location line="+10"/>
        <source>CountyEMIS</source>
        <translation>区县教育管理信息系统</translation>
    </message>
</context>
</TS>
