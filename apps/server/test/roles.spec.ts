import { Controller, Get } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { Public, PUBLIC_KEY, Roles, ROLES_KEY } from '../src/common/auth/decorators';
import { Role } from '@linli/contracts';
import { createTestApp, TestApp } from './support/test-app';

/** Every route handler of the given controllers that says neither who may call it (@Roles) nor that anyone may (@Public). */
function unguardedHandlers(
  controllers: object[],
  scanner: MetadataScanner,
  reflector: Reflector,
): string[] {
  const found: string[] = [];
  for (const instance of controllers) {
    const proto = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      if (!Reflect.hasMetadata('method', handler) && !Reflect.hasMetadata('path', handler))
        continue; // not a route
      const targets = [handler, proto.constructor];
      const isPublic = reflector.getAllAndOverride<string>(PUBLIC_KEY, targets);
      const roles = reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
      if (!isPublic && !roles?.length) found.push(`${proto.constructor.name}.${name}`);
    }
  }
  return found;
}

/** Every route handler of the given controllers that `role` may call. */
function handlersFor(
  role: Role,
  controllers: object[],
  scanner: MetadataScanner,
  reflector: Reflector,
): string[] {
  const found: string[] = [];
  for (const instance of controllers) {
    const proto = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      if (!Reflect.hasMetadata('method', handler) && !Reflect.hasMetadata('path', handler))
        continue;
      const roles = reflector.getAllAndOverride<Role[]>(ROLES_KEY, [handler, proto.constructor]);
      if (roles?.includes(role)) found.push(`${proto.constructor.name}.${name}`);
    }
  }
  return found;
}

describe('every endpoint says who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(); // demo mode registers the most routes (demo login, test clock)
  });
  afterAll(() => t?.close());

  it('finds @Public or @Roles on each handler of every controller in AppModule', () => {
    const discovery = new DiscoveryService(t.app.get(ModulesContainer));
    const controllers = discovery.getControllers().map((w) => w.instance as object);
    const names = controllers.map((c) => c.constructor.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'AuthController',
        'DemoLoginController',
        'TestClockController',
        'TicketsController',
        'UploadsController',
      ]),
    );
    expect(unguardedHandlers(controllers, new MetadataScanner(), new Reflector())).toEqual([]);
  });

  it('lets the gate guard call only /api/me and the release slip check', () => {
    const discovery = new DiscoveryService(t.app.get(ModulesContainer));
    const controllers = discovery.getControllers().map((w) => w.instance as object);
    const forGuard = handlersFor(Role.Guard, controllers, new MetadataScanner(), new Reflector());
    expect(forGuard.sort()).toEqual(['AuthController.me', 'MoveOutsController.verify']);
    // …while residents and the office keep what they had (the check can fail).
    expect(handlersFor(Role.Resident, controllers, new MetadataScanner(), new Reflector())).toEqual(
      expect.arrayContaining([
        'AuthController.me',
        'TicketsController.detail',
        'NotificationsController.list',
      ]),
    );
  });

  it('would catch a handler that forgot (the check can fail)', () => {
    @Controller('careless')
    class CarelessController {
      @Get('open') @Public('test') open() {}
      @Get('staff') @Roles(Role.Admin) staff() {}
      @Get('forgot') forgot() {}
      helper() {}
    }
    expect(
      unguardedHandlers([new CarelessController()], new MetadataScanner(), new Reflector()),
    ).toEqual(['CarelessController.forgot']);
  });
});
