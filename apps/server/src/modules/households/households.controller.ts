import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BuildingDto,
  FileReadDto,
  FileReadLogEntryDto,
  HouseholdExportDto,
  HouseholdFileDto,
  HouseholdMemberDto,
  HouseholdNoteDto,
  InviteDto,
  MyHouseholdDto,
  Page,
  Role,
  RoomSummaryDto,
  STAFF_ROLES,
  TimelineEntryDto,
} from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import {
  AddMemberDto,
  AddNoteDto,
  BindPhoneDto,
  CreateInviteDto,
  EditMemberDto,
  JoinHouseholdDto,
} from './dto/household.dto';
import { BuildingRooms } from './use-cases/building-rooms';
import { ExportHousehold } from './use-cases/export-household';
import { HouseholdAudit } from './use-cases/household-audit';
import { EditHouseholdFile, ReadHouseholdFile } from './use-cases/household-file';
import { BindPhone, Invitations } from './use-cases/joining';
import { EditMyMember, ReadMyHousehold } from './use-cases/my-household';
import { PageQueryDto } from '../../common/paging/page-query.dto';
import { pageRequest } from '../../common/paging/paging';
import { Endpoints } from '@linli/contracts';
import { Implements } from '../../common/http/implements';

@ApiTags('households')
@ApiBearerAuth()
@Controller()
/** The resident's own household, joining one, and invitations (residents, and staff for invitations). */
export class HouseholdsController {
  constructor(
    private readonly myHousehold: ReadMyHousehold,
    private readonly editMyMember: EditMyMember,
    private readonly exportHousehold: ExportHousehold,
    private readonly invitations: Invitations,
    private readonly bindPhoneNumber: BindPhone,
  ) {}

  @Implements(Endpoints.api.myHousehold)
  @Get('households/mine')
  @Roles(Role.Resident)
  @ApiOperation({
    summary:
      "The resident's own household: members (a tenant sees only themself, phones masked) and the building's assistants",
  })
  mine(@CurrentUser() user: AuthUser): Promise<MyHouseholdDto> {
    return this.myHousehold.run(user);
  }

  @Implements(Endpoints.api.exportHousehold)
  @Get('households/mine/export')
  @Roles(Role.Resident)
  @Header('Content-Disposition', 'attachment; filename="linli-household-export.json"')
  @ApiOperation({
    summary:
      'Everything held about the caller’s household, as a JSON download (PIPL right of access)',
  })
  exportMine(@CurrentUser() user: AuthUser): Promise<HouseholdExportDto> {
    return this.exportHousehold.run(user);
  }

  @Implements(Endpoints.api.editMember)
  @Put('households/mine/members/:memberId')
  @Roles(Role.Resident)
  @ApiOperation({
    summary:
      "Edit a member's phone, relationship or move-in date on the caller's own household: an owner any member, anyone else only themself",
  })
  editMember(
    @CurrentUser() user: AuthUser,
    @Param('memberId') memberId: string,
    @Body() body: EditMemberDto,
  ): Promise<MyHouseholdDto> {
    return this.editMyMember.run(user, memberId, body);
  }

  @Implements(Endpoints.api.joinHousehold)
  @Post('households/join')
  @HttpCode(200)
  @Roles(Role.Resident)
  @ApiOperation({ summary: 'Bind the caller to a household with a one-time invitation code' })
  join(@CurrentUser() user: AuthUser, @Body() body: JoinHouseholdDto): Promise<MyHouseholdDto> {
    return this.invitations.join(user, body.code, body.name);
  }

  @Implements(Endpoints.api.bindPhone)
  @Post('households/bind-phone')
  @HttpCode(200)
  @Roles(Role.Resident)
  @ApiOperation({
    summary:
      'Share the WeChat phone number (getPhoneNumber code); a match on a household file binds the caller to it',
  })
  bindPhone(@CurrentUser() user: AuthUser, @Body() body: BindPhoneDto): Promise<MyHouseholdDto> {
    return this.bindPhoneNumber.run(user, body.code);
  }

  @Implements(Endpoints.api.invite)
  @Post('households/:id/invites')
  @Roles(Role.Resident, ...STAFF_ROLES)
  @ApiOperation({
    summary: "An invitation code to join the household, from the building's staff or an owner",
  })
  invite(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: CreateInviteDto,
  ): Promise<InviteDto> {
    return this.invitations.invite(user, id, body.role);
  }
}

/**
 * The household files of the buildings the caller works in (staff): rooms, the file with its audit, notes,
 * members added at the counter. Registered after HouseholdsController, so `households/mine` is matched
 * before `households/:id`.
 */
@ApiTags('households')
@ApiBearerAuth()
@Controller()
export class HouseholdFilesController {
  constructor(
    private readonly buildingRooms: BuildingRooms,
    private readonly readFile: ReadHouseholdFile,
    private readonly editFile: EditHouseholdFile,
    private readonly audit: HouseholdAudit,
  ) {}

  @Implements(Endpoints.api.buildings)
  @Get('buildings')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: "The buildings the caller works in (an assistant's own, a supervisor's community's)",
  })
  buildings(@CurrentUser() user: AuthUser): Promise<BuildingDto[]> {
    return this.buildingRooms.buildingsOf(user);
  }

  @Implements(Endpoints.api.rooms)
  @Get('buildings/:id/rooms')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'The rooms of one of those buildings, with member counts and open tickets',
  })
  rooms(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<RoomSummaryDto[]> {
    return this.buildingRooms.roomsOf(user, id);
  }

  @Implements(Endpoints.api.householdFile)
  @Get('households/:id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'The household file (members, notes, tickets) for the building’s assistants and the community’s supervisors; every read is audited',
  })
  file(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<HouseholdFileDto> {
    return this.readFile.run(user, id);
  }

  @Implements(Endpoints.api.addMember)
  @Post('households/:id/members')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Register a member on the file (ID number and phone checked)' })
  addMember(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: AddMemberDto,
  ): Promise<HouseholdMemberDto> {
    return this.editFile.addMember(user, id, body);
  }

  @Implements(Endpoints.api.addNote)
  @Post('households/:id/notes')
  @HttpCode(204)
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "Add to the assistants' notes about the household" })
  addNote(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: AddNoteDto,
  ): Promise<void> {
    return this.editFile.addNote(user, id, body.text);
  }

  @Implements(Endpoints.api.householdNotes)
  @Get('households/:id/notes')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      "Staff of the building: the assistants' notes about the household, newest first, a page at a time after the file's first (?cursor=&limit=)",
  })
  notes(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<HouseholdNoteDto>> {
    return this.audit.notesOf(user, id, pageRequest(query));
  }

  @Implements(Endpoints.api.householdTimeline)
  @Get('households/:id/timeline')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      "Staff of the building: the household's timeline, newest first, a page at a time after the file's first (?cursor=&limit=)",
  })
  timeline(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<TimelineEntryDto>> {
    return this.audit.timelineOf(user, id, pageRequest(query));
  }

  @Implements(Endpoints.api.householdReads)
  @Get('households/:id/reads')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      "Who read the household's file, newest first (the audit), a page at a time (?cursor=&limit=)",
  })
  reads(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<FileReadDto>> {
    return this.audit.readsOf(user, id, pageRequest(query));
  }

  @Implements(Endpoints.api.householdReadLog)
  @Get('household-reads')
  @Roles(Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary:
      "The latest reads of household files in the caller's community (supervisors) or company (admins), newest first, a page at a time (?cursor=&limit=)",
  })
  readLog(
    @CurrentUser() user: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<FileReadLogEntryDto>> {
    return this.audit.readLog(user, pageRequest(query));
  }
}
