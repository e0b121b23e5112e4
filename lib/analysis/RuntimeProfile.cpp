//===--- RuntimeProfile.cpp - What the checks know about one runtime ------===//

#include "RuntimeProfile.h"
#include "CoroutineModel.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async {
namespace {

std::vector<RuntimeProfile> &registeredProfiles() {
  static std::vector<RuntimeProfile> Profiles;
  return Profiles;
}

/// The fields a user profile sets in .clang-tidy, by their key.
struct Field {
  llvm::StringLiteral Key;
  std::string RuntimeProfile::*Member;
};

constexpr Field Fields[] = {
    {"Namespaces", &RuntimeProfile::Namespaces},
    {"TaskTypes", &RuntimeProfile::TaskTypes},
    {"SpawnFunctions", &RuntimeProfile::SpawnFunctions},
    {"OffloadFunctions", &RuntimeProfile::OffloadFunctions},
    {"OffloadAwaits", &RuntimeProfile::OffloadAwaits},
    {"OwnThreadTypes", &RuntimeProfile::OwnThreadTypes},
    {"OffloadParameters", &RuntimeProfile::OffloadParameters},
    {"BlockingWaits", &RuntimeProfile::BlockingWaits},
    {"BlockingSleeps", &RuntimeProfile::BlockingSleeps},
    {"BlockingIO", &RuntimeProfile::BlockingIO},
    {"NonBlockingTypes", &RuntimeProfile::NonBlockingTypes},
    {"AsyncMutexTypes", &RuntimeProfile::AsyncMutexTypes},
    {"LockTypes", &RuntimeProfile::LockTypes},
    {"SpawnAdvice", &RuntimeProfile::SpawnAdvice},
    {"BlockOnAdvice", &RuntimeProfile::BlockOnAdvice},
    {"OffloadAdvice", &RuntimeProfile::OffloadAdvice},
    {"SleepAdvice", &RuntimeProfile::SleepAdvice},
    {"ReadFileAdvice", &RuntimeProfile::ReadFileAdvice},
    {"WriteFileAdvice", &RuntimeProfile::WriteFileAdvice},
    {"FileSystemAdvice", &RuntimeProfile::FileSystemAdvice},
    {"AsyncIOAdvice", &RuntimeProfile::AsyncIOAdvice},
    {"JoinAdvice", &RuntimeProfile::JoinAdvice},
    {"MutexAdvice", &RuntimeProfile::MutexAdvice},
    {"YieldAdvice", &RuntimeProfile::YieldAdvice},
    {"SleepFunction", &RuntimeProfile::SleepFunction},
};

constexpr llvm::StringLiteral RuntimeKey = "async.Runtime";
constexpr llvm::StringLiteral ProfilesKey = "async.Profiles";
constexpr llvm::StringLiteral ProfileKeyPrefix = "async.Profile.";

std::vector<CallPattern> parseCallPatterns(llvm::StringRef List) {
  std::vector<CallPattern> Patterns;
  for (llvm::StringRef Entry : parseNameList(List)) {
    auto [Function, Argument] = Entry.split('(');
    Patterns.push_back({Function.trim().ltrim(':').str(),
                        Argument.rtrim(')').trim().ltrim(':').str()});
  }
  return Patterns;
}

std::vector<std::string> parseNames(llvm::StringRef List) {
  std::vector<std::string> Names = parseNameList(List);
  for (std::string &Name : Names)
    Name = llvm::StringRef(Name).ltrim(':').str();
  return Names;
}

Profile parse(RuntimeProfile Text) {
  Profile P;
  P.Namespaces = parseNames(Text.Namespaces);
  P.TaskTypes = parseNames(Text.TaskTypes);
  P.SpawnFunctions = parseNames(Text.SpawnFunctions);
  P.OffloadFunctions = parseCallPatterns(Text.OffloadFunctions);
  P.OffloadAwaits = parseCallPatterns(Text.OffloadAwaits);
  P.OwnThreadTypes = parseNames(Text.OwnThreadTypes);
  P.OffloadParameters = parseCallPatterns(Text.OffloadParameters);
  P.BlockingWaits = parseNames(Text.BlockingWaits);
  P.BlockingSleeps = parseNames(Text.BlockingSleeps);
  P.BlockingIO = parseNames(Text.BlockingIO);
  P.NonBlockingTypes = parseNames(Text.NonBlockingTypes);
  P.AsyncMutexTypes = parseNames(Text.AsyncMutexTypes);
  P.LockTypes = parseNames(Text.LockTypes);
  P.Text = std::move(Text);
  return P;
}

/// The class a type names, looked at through references, pointers and
/// smart pointers (`std::shared_ptr<executor>`): the specialized template
/// for a specialization.
const NamedDecl *classNameOf(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const auto *Record = T->getAsCXXRecordDecl();
  if (!Record) {
    if (const auto *Spec = T->getAs<TemplateSpecializationType>())
      return Spec->getTemplateName().getAsTemplateDecl();
    return nullptr;
  }
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record)) {
    llvm::StringRef Name = Spec->getName();
    if (Spec->isInStdNamespace() &&
        (Name == "shared_ptr" || Name == "unique_ptr") &&
        Spec->getTemplateArgs().size() > 0 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      return classNameOf(Spec->getTemplateArgs()[0].getAsType());
    return Spec->getSpecializedTemplate();
  }
  return Record;
}

bool isNameOrNestedIn(llvm::StringRef Name, llvm::StringRef Scope) {
  return Name == Scope ||
         (Name.starts_with(Scope) && Name.drop_front(Scope.size()).starts_with("::"));
}

/// True if values of type \p T are of the class \p Wanted or of a class
/// nested in it, looked at through references, pointers and smart pointers.
bool isOfClassIn(QualType T, llvm::StringRef Wanted) {
  const NamedDecl *Class = classNameOf(T);
  return Class && isNameOrNestedIn(plainQualifiedName(Class), Wanted);
}

/// True if \p E (an argument or the called object) satisfies the condition
/// \p Wanted of a call pattern.
bool satisfies(const Expr *E, llvm::StringRef Wanted) {
  E = E->IgnoreImplicit()->IgnoreParens()->IgnoreImplicit();
  // `executor->submit(...)` on a smart pointer: look at the pointer.
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E);
      Operator && Operator->getNumArgs() == 1 &&
      (Operator->getOperator() == OO_Arrow || Operator->getOperator() == OO_Star))
    return satisfies(Operator->getArg(0), Wanted);
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && plainQualifiedName(Callee) == Wanted)
      return true;
  return isOfClassIn(E->getType(), Wanted);
}

/// The innermost named, non-inline namespace \p D is declared in, or null.
const NamespaceDecl *enclosingNamespace(const Decl &D) {
  for (const DeclContext *Context = D.getDeclContext(); Context;
       Context = Context->getParent())
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Context);
        Namespace && !Namespace->isInline() && !Namespace->isAnonymousNamespace())
      return Namespace->getCanonicalDecl();
  return nullptr;
}

/// `boost::asio` for the namespace boost::asio, inline and anonymous
/// namespaces left out.
std::string namespacePath(const NamespaceDecl &Namespace) {
  std::string Path;
  for (const DeclContext *Context = &Namespace; Context;
       Context = Context->getParent()) {
    const auto *Enclosing = dyn_cast<NamespaceDecl>(Context);
    if (!Enclosing || Enclosing->isInline() || Enclosing->isAnonymousNamespace())
      continue;
    Path = Path.empty() ? Enclosing->getName().str()
                        : (Enclosing->getName() + "::" + Path).str();
  }
  return Path;
}

} // namespace

const CallExpr *awaitedCall(const Stmt &Suspension) {
  const auto *Await = dyn_cast<CoawaitExpr>(&Suspension);
  if (!Await)
    return nullptr;
  return dyn_cast<CallExpr>(
      Await->getOperand()->IgnoreImplicit()->IgnoreParens()->IgnoreImplicit());
}

std::string plainQualifiedName(const NamedDecl *Decl) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Decl))
    return plainQualifiedName(Spec->getSpecializedTemplate());
  if (const auto *Parent = dyn_cast<CXXRecordDecl>(Decl->getDeclContext()))
    return plainQualifiedName(Parent) + "::" + Decl->getNameAsString();
  return Decl->getQualifiedNameAsString();
}

bool matchesCallPattern(const CallExpr &Call, const CallPattern &Pattern) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || plainQualifiedName(Callee) != Pattern.Function)
    return false;
  if (Pattern.Argument.empty())
    return true;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
      Member && satisfies(Member->getImplicitObjectArgument(), Pattern.Argument))
    return true;
  return llvm::any_of(Call.arguments(), [&](const Expr *Arg) {
    return satisfies(Arg, Pattern.Argument);
  });
}

ProfileRegistration::ProfileRegistration(RuntimeProfile Profile) {
  registeredProfiles().push_back(std::move(Profile));
}

ProfileSet::ProfileSet() {
  for (const RuntimeProfile &Text : registeredProfiles())
    Builtins.push_back(parse(Text));
  llvm::sort(Builtins, [](const Profile &A, const Profile &B) {
    return A.Text.Name < B.Text.Name;
  });
  rebuild();
}

const Profile &ProfileSet::builtin(llvm::StringRef Name) const {
  return *llvm::find_if(Builtins, [&](const Profile &P) { return P.Text.Name == Name; });
}

std::vector<std::string>
ProfileSet::configure(const ClangTidyOptions::OptionMap &Options) {
  std::string Settings;
  for (const auto &Option : Options)
    if (Option.getKey().starts_with("async."))
      Settings += (Option.getKey() + "=" + Option.getValue().Value + "\n").str();
  if (Settings == LoadedOptions)
    return {};
  LoadedOptions = std::move(Settings);

  std::vector<std::string> Errors;
  UserProfiles.clear();
  Forced = nullptr;
  auto Lookup = [&](llvm::StringRef Key) -> llvm::StringRef {
    auto It = Options.find(Key);
    return It == Options.end() ? llvm::StringRef() : llvm::StringRef(It->second.Value);
  };
  std::vector<std::string> Declared = parseNameList(Lookup(ProfilesKey));
  for (const std::string &Name : Declared) {
    if (llvm::any_of(Builtins, [&](const Profile &P) { return P.Text.Name == Name; })) {
      Errors.push_back("async.Profiles: '" + Name +
                       "' is a built-in profile; give yours another name");
      continue;
    }
    RuntimeProfile Text;
    Text.Name = Name;
    for (const Field &F : Fields) {
      Text.*F.Member = Lookup((ProfileKeyPrefix + Name + "." + F.Key).str()).str();
      // Advice left out speaks as the generic profile does: a message
      // never ends in "use " with nothing after it.
      if ((Text.*F.Member).empty() && F.Key.ends_with("Advice"))
        Text.*F.Member = builtin("generic").Text.*F.Member;
    }
    UserProfiles.push_back(parse(std::move(Text)));
  }
  for (const auto &Option : Options) {
    llvm::StringRef Key = Option.getKey();
    llvm::StringRef Rest = Key;
    if (!Rest.consume_front(ProfileKeyPrefix))
      continue;
    auto [Name, FieldName] = Rest.rsplit('.');
    if (!llvm::is_contained(Declared, Name))
      Errors.push_back((Key + ": profile '" + Name +
                        "' is not listed in async.Profiles").str());
    else if (llvm::none_of(Fields, [&](const Field &F) { return F.Key == FieldName; }))
      Errors.push_back((Key + ": unknown profile field '" + FieldName + "'").str());
  }
  rebuild();

  if (llvm::StringRef Runtime = Lookup(RuntimeKey).trim(); !Runtime.empty()) {
    for (const Profile *P : All)
      if (P->Text.Name == Runtime)
        Forced = P;
    if (!Forced) {
      std::string Known;
      for (const Profile *P : All)
        Known += (Known.empty() ? "" : ", ") + P->Text.Name;
      Errors.push_back(("async.Runtime: unknown runtime '" + Runtime +
                        "'; known: " + Known).str());
    }
  }
  llvm::sort(Errors);
  return Errors;
}

void ProfileSet::rebuild() {
  All.clear();
  for (const Profile &P : Builtins)
    All.push_back(&P);
  for (const Profile &P : UserProfiles)
    All.push_back(&P);
  Generic = nullptr;
  TaskTypes.clear();
  Spawns.clear();
  AsyncMutexTypes.clear();
  LockTypes.clear();
  NonBlockingTypes.clear();
  for (const Profile *P : All) {
    if (P->Text.Name == "generic")
      Generic = P;
    llvm::append_range(TaskTypes, P->TaskTypes);
    llvm::append_range(Spawns, P->SpawnFunctions);
    for (const CallPattern &Offload : P->OffloadFunctions)
      Spawns.push_back(Offload.Function);
    llvm::append_range(AsyncMutexTypes, P->AsyncMutexTypes);
    llvm::append_range(LockTypes, P->LockTypes);
    llvm::append_range(NonBlockingTypes, P->NonBlockingTypes);
  }
  assert(Generic && "the generic profile is built in");
  reset();
}

void ProfileSet::reset() {
  NamespaceCache.clear();
  TypeCache.clear();
  CoroutineCache.clear();
}

const Profile *ProfileSet::ofNamespaceOf(const Decl &D) {
  const NamespaceDecl *Namespace = enclosingNamespace(D);
  if (!Namespace)
    return nullptr;
  auto [It, Inserted] = NamespaceCache.try_emplace(Namespace, nullptr);
  if (!Inserted)
    return It->second;
  std::string Path = namespacePath(*Namespace);
  size_t Longest = 0;
  for (const Profile *P : All)
    for (const std::string &Wanted : P->Namespaces)
      if (Wanted.size() > Longest && isNameOrNestedIn(Path, Wanted)) {
        Longest = Wanted.size();
        It->second = P;
      }
  return It->second;
}

const Profile *ProfileSet::ofType(QualType T) {
  const NamedDecl *Class = classNameOf(T);
  if (!Class)
    return nullptr;
  const Decl *Key = Class->getCanonicalDecl();
  if (auto It = TypeCache.find(Key); It != TypeCache.end())
    return It->second;
  const Profile *Found = nullptr;
  std::string Name = plainQualifiedName(Class);
  for (const Profile *P : All)
    if (llvm::is_contained(P->TaskTypes, Name))
      Found = P;
  if (!Found)
    Found = ofNamespaceOf(*Class);
  TypeCache[Key] = Found;
  return Found;
}

bool ProfileSet::isRuntimeCode(const Decl &D) { return ofNamespaceOf(D); }

const Profile &ProfileSet::ofCoroutine(const CoroutineInfo &Coroutine) {
  if (Forced)
    return *Forced;
  auto [It, Inserted] = CoroutineCache.try_emplace(&Coroutine, nullptr);
  if (!Inserted)
    return *It->second;
  const Profile *Found = ofType(Coroutine.function().getDeclaredReturnType());
  for (const Stmt *Suspension : Coroutine.suspensions()) {
    if (Found)
      break;
    if (const auto *Await = dyn_cast<CoawaitExpr>(Suspension))
      Found = ofType(Await->getOperand()->getType());
    else if (const auto *Dependent = dyn_cast<DependentCoawaitExpr>(Suspension))
      Found = ofType(Dependent->getOperand()->getType());
  }
  It->second = Found ? Found : Generic;
  return *It->second;
}

const Profile &ProfileSet::ofTask(QualType T, const CoroutineInfo *Coroutine) {
  if (Forced)
    return *Forced;
  if (const Profile *Own = ofType(T))
    return *Own;
  return Coroutine ? ofCoroutine(*Coroutine) : *Generic;
}

bool ProfileSet::runsWhereItMayBlock(const CoroutineInfo &Coroutine,
                                     ASTContext &Ctx) {
  if (const NamedDecl *Returned =
          classNameOf(Coroutine.function().getDeclaredReturnType())) {
    std::string Name = plainQualifiedName(Returned);
    if (llvm::any_of(All, [&](const Profile *P) {
          return llvm::is_contained(P->OwnThreadTypes, Name);
        }))
      return true;
  }
  return startsOnOffloadExecutor(Coroutine.function()) ||
         isOffloadedLambda(Coroutine, Ctx);
}

bool ProfileSet::startsOnOffloadExecutor(const FunctionDecl &Coroutine) const {
  auto HasParameterOf = [&](llvm::StringRef Class) {
    return llvm::any_of(Coroutine.parameters(), [&](const ParmVarDecl *Param) {
      return isOfClassIn(Param->getType(), Class);
    });
  };
  return llvm::any_of(All, [&](const Profile *P) {
    return llvm::any_of(P->OffloadParameters, [&](const CallPattern &Pattern) {
      return HasParameterOf(Pattern.Function) &&
             (Pattern.Argument.empty() || HasParameterOf(Pattern.Argument));
    });
  });
}

bool ProfileSet::isOffloadedLambda(const CoroutineInfo &Coroutine,
                                   ASTContext &Ctx) {
  if (!Coroutine.isLambda())
    return false;
  // From the lambda's class to its expression, then up through the
  // conversions that carry it (or the task of its immediate call) into a
  // parameter (a temporary, a std::function) to the call it is handed to.
  const auto *Closure = cast<CXXMethodDecl>(Coroutine.function()).getParent();
  DynTypedNode Node = DynTypedNode::create(*Closure);
  for (int Step = 0; Step < 8; ++Step) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.size() != 1 || !Parents[0].get<Expr>())
      return false;
    Node = Parents[0];
    const auto *Call = Node.get<CallExpr>();
    if (Call && Call->getDirectCallee() == &Coroutine.function())
      continue;
    if (Call)
      return llvm::any_of(All, [&](const Profile *P) {
        return llvm::any_of(P->OffloadFunctions, [&](const CallPattern &Pattern) {
          return matchesCallPattern(*Call, Pattern);
        });
      });
  }
  return false;
}

bool ProfileSet::isAfterOffloadAwait(const CoroutineInfo &Coroutine,
                                     const Stmt &At) {
  const SourceManager &SM =
      Coroutine.function().getASTContext().getSourceManager();
  SourceLocation Where = At.getBeginLoc();
  const CallPattern *Moved = nullptr;
  for (const Stmt *Suspension : Coroutine.suspensions()) {
    if (!SM.isBeforeInTranslationUnit(Suspension->getEndLoc(), Where))
      break;
    const CallExpr *Call = awaitedCall(*Suspension);
    if (!Call)
      continue;
    // Awaiting the same call again moves the coroutine elsewhere.
    if (Moved && matchesCallPattern(*Call, {Moved->Function, ""}))
      Moved = nullptr;
    for (const Profile *P : All)
      for (const CallPattern &Pattern : P->OffloadAwaits)
        if (matchesCallPattern(*Call, Pattern))
          Moved = &Pattern;
  }
  return Moved;
}

} // namespace clang::tidy::async
