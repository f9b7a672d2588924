import re, sys
stack=[]; counts={}
for line in open(sys.argv[1]):
    m=re.match(r'^(\s*)Testing (\S+) ', line)
    if m:
        d=len(m.group(1)); stack=[s for s in stack if s[0]<d]; stack.append((d,m.group(2))); continue
    m=re.match(r'^(\s*)Test (\S+) (Passed|Failed.*)$', line.rstrip())
    if m:
        d=len(m.group(1))
        names=[s[1] for s in stack if s[0]<=d]
        if len(names)<3: continue
        c=counts.setdefault(names[2],{}); c[m.group(3)]=c.get(m.group(3),0)+1
        stack=[s for s in stack if s[0]<d]
for k,v in counts.items(): print(k,v)
