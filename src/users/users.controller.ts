import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { actorOf, CurrentStaff, type StaffUser } from '../auth/staff-user.js';
import { CreateUserDto, UserDto } from './dto/create-user.dto.js';
import type { User } from './user.entity.js';
import { UsersService } from './users.service.js';

const toDto = (u: User): UserDto => ({ id: u.id, email: u.email, role: u.role, createdAt: u.createdAt.toISOString() });

@ApiTags('staff')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: UserDto })
  async create(@Body() body: CreateUserDto, @CurrentStaff() staff: StaffUser): Promise<UserDto> {
    return toDto(await this.users.create(body.email, body.password, body.role, actorOf(staff)));
  }

  @Get()
  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map(toDto);
  }
}
